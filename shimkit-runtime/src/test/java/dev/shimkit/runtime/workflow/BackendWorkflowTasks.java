package dev.shimkit.runtime.workflow;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.errors.FlyteRecoverableException;
import dev.shimkit.shim.CustomizedContainerTask;
import dev.shimkit.shim.ShimTaskExecutor;
import dev.shimkit.task.JavaTask;
import dev.shimkit.task.TaskInterface;
import dev.shimkit.task.TaskOptions;
import dev.shimkit.workflow.Promise;
import dev.shimkit.workflow.Workflow;
import flyteidl.core.Tasks.TaskTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The example workflow of the issue with a template task standing in for SQLite3Task: count a word in a text
 * (template task, its config in the template), add one (Java task), then branch on the count.
 */
public final class BackendWorkflowTasks {
  private BackendWorkflowTasks() {
  }

  /** Config of {@link CountTask}: which word to count. */
  public record CountConfig(String word) {
  }

  /** A template-based task: the word lives in the template, the executor in the "image". */
  public static final class CountTask extends CustomizedContainerTask<CountConfig> {
    public CountTask(String name, CountConfig config) {
      super(TaskOptions.builder().name(name).taskType("word-count").image("ghcr.io/acme/counter:1").build(), config,
          CountExecutor.class, TaskInterface.builder().input("text", String.class).output("count", Long.class)
              .build());
    }

    @Override
    public Map<String, Object> getCustom(SerializationSettings settings) {
      return Map.of("word", taskConfig().word());
    }
  }

  /** Counts the configured word, reading the config from the template alone (one output: the bare value). */
  public static final class CountExecutor implements ShimTaskExecutor {
    @Override
    public Object executeFromModel(TaskTemplate template, Map<String, Object> inputs) {
      CountConfig config = ShimTaskExecutor.custom(template, CountConfig.class);
      long count = 0;
      for (String w : ((String) inputs.get("text")).split("\\W+")) {
        if (w.equalsIgnoreCase(config.word())) {
          count++;
        }
      }
      return count;
    }
  }

  public record AddIn(long x) {
  }

  public record Label(long n, String prefix) {
  }

  public static final CountTask COUNT_FLYTE = new CountTask("backend.count_flyte", new CountConfig("flyte"));
  public static final JavaTask<AddIn, Long> ADD_ONE = JavaTask.of("backend.add_one", AddIn.class, Long.class,
      in -> in.x() + 1);
  public static final JavaTask<Label, String> LABEL = JavaTask.of("backend.label", Label.class, String.class,
      in -> in.prefix() + in.n());

  /** Fails with a recoverable error until a marker file exists next to it (so attempts are visible). */
  public static final JavaTask<AddIn, Long> FLAKY = JavaTask.of(TaskOptions.builder().name("backend.flaky")
      .retries(1).build(), AddIn.class, Long.class, in -> {
        Path marker = Path.of(System.getProperty("java.io.tmpdir"), "shimkit-flaky-" + in.x());
        if (!Files.exists(marker)) {
          Files.createFile(marker);
          throw new FlyteRecoverableException("first attempt fails");
        }
        Files.delete(marker);
        return in.x();
      });

  public static final Workflow COUNT_AND_BRANCH = Workflow.define("backend.count_and_branch", wf -> {
    Promise<String> text = wf.input("text", String.class);
    Promise<Long> count = wf.call(COUNT_FLYTE, Map.of("text", text)).output("count", Long.class);
    Promise<Long> plusOne = wf.call(ADD_ONE, in -> in.set(AddIn::x).to(count)).output();
    Promise<String> label = wf.conditional("many")
        .when(plusOne.gt(2L), b -> b.call(LABEL, in -> in.set(Label::n).to(plusOne).set(Label::prefix).to("many:"))
            .output())
        .otherwise(b -> b.call(LABEL, in -> in.set(Label::n).to(count).set(Label::prefix).to("few:")).output());
    wf.output("count", count);
    wf.output("label", label);
  });

  public static final Workflow FLAKY_WF = Workflow.define("backend.flaky_wf", wf ->
      wf.output("o", wf.call(FLAKY, in -> in.set(AddIn::x).to(wf.input("x", Long.class))).output()));
}
