package dev.shimkit.bench;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.shim.CustomizedContainerTask;
import dev.shimkit.shim.ShimTaskExecutor;
import dev.shimkit.task.JavaTask;
import dev.shimkit.task.Resources;
import dev.shimkit.task.TaskInterface;
import dev.shimkit.task.TaskOptions;
import flyteidl.core.Tasks.TaskTemplate;
import java.util.List;
import java.util.Map;

/**
 * The tasks the benchmarks serialize and the whole-process script runs: a trivial {@link JavaTask} and a
 * trivial template-based task whose executor only formats its input. Held in static fields as users declare
 * them, so the default resolver finds them again in a fresh JVM.
 */
public final class BenchTasks {
  private BenchTasks() {
  }

  public record AddIn(long x) {
  }

  /** A trivial JavaTask: x + 1. */
  public static final JavaTask<AddIn, Long> ADD_ONE =
      JavaTask.of("bench.add_one", AddIn.class, Long.class, in -> in.x() + 1);

  public record Sample(long id, double score, String name, List<Long> values) {
  }

  public record SummaryIn(List<Sample> samples, String label) {
  }

  public record SummaryOut(long count, double total, String label) {
  }

  /** A JavaTask as users typically write it: records in and out, options set. */
  public static final JavaTask<SummaryIn, SummaryOut> SUMMARY = JavaTask.of(TaskOptions.builder()
      .name("bench.summary").retries(2).env("MODE", "fast").cache("1.0")
      .requests(Resources.builder().cpu("500m").mem("1Gi").build()).build(),
      SummaryIn.class, SummaryOut.class,
      in -> new SummaryOut(in.samples().size(), in.samples().stream().mapToDouble(Sample::score).sum(), in.label()));

  /** Config of {@link FormatTask}. */
  public record FormatConfig(String pattern, boolean upper) {
  }

  /** A template-based task: the pattern lives in the template, the executor in the image. */
  public static final class FormatTask extends CustomizedContainerTask<FormatConfig> {
    public FormatTask(String name, FormatConfig config) {
      super(TaskOptions.builder().name(name).taskType("bench-format").image("ghcr.io/acme/format:1.0")
              .requests(Resources.builder().cpu("250m").mem("256Mi").build()).build(),
          config, FormatExecutor.class,
          TaskInterface.builder().input("name", String.class).input("count", Long.class)
              .output("message", String.class).build());
    }

    @Override
    public Map<String, Object> getCustom(SerializationSettings settings) {
      return Map.of("pattern", taskConfig().pattern(), "upper", taskConfig().upper());
    }
  }

  /** Runs {@link FormatTask}s from their template alone. */
  public static final class FormatExecutor implements ShimTaskExecutor {
    @Override
    public Object executeFromModel(TaskTemplate template, Map<String, Object> inputs) {
      FormatConfig config = ShimTaskExecutor.custom(template, FormatConfig.class);
      String message = String.format(config.pattern(), inputs.get("name"), inputs.get("count"));
      return config.upper() ? message.toUpperCase(java.util.Locale.ROOT) : message;
    }
  }

  public static final FormatTask GREET = new FormatTask("bench.greet", new FormatConfig("hello %s #%d", false));
}
