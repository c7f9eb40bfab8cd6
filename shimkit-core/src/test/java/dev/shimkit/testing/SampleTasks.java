package dev.shimkit.testing;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.errors.FlyteRecoverableException;
import dev.shimkit.shim.CustomizedContainerTask;
import dev.shimkit.shim.ShimTaskExecutor;
import dev.shimkit.task.JavaTask;
import dev.shimkit.task.Resources;
import dev.shimkit.task.TaskInterface;
import dev.shimkit.task.TaskOptions;
import flyteidl.core.Tasks.TaskTemplate;
import java.util.List;
import java.util.Map;

/** Tasks used across tests, held in static fields as users declare them. */
public final class SampleTasks {
  private SampleTasks() {
  }

  public record AddIn(long x) {
  }

  public record Stats(long count, double mean, List<Long> sorted) {
  }

  public record Numbers(List<Long> values) {
  }

  /** The same task as flytekit's golden {@code pyref_tasks.add_one}. */
  public static final JavaTask<AddIn, Long> ADD_ONE =
      JavaTask.of("pyref_tasks.add_one", AddIn.class, Long.class, in -> in.x() + 1);

  public static final JavaTask<Numbers, Stats> STATS = JavaTask.of(TaskOptions.builder().name("samples.stats")
      .retries(2).env("MODE", "fast").requests(Resources.builder().cpu("500m").mem("1Gi").build()).build(),
      Numbers.class, Stats.class, in -> new Stats(in.values().size(),
          in.values().stream().mapToLong(Long::longValue).average().orElse(0),
          in.values().stream().sorted().toList()));

  /** An exception that carries its own error code, as users write them. */
  public static final class QuotaExceeded extends RuntimeException {
    public QuotaExceeded(String message) {
      super(message);
    }

    public String errorCode() {
      return "USER:QuotaExceeded";
    }
  }

  public static final JavaTask<AddIn, Long> FAILING = JavaTask.of("samples.failing", AddIn.class, Long.class, in -> {
    throw new QuotaExceeded("quota of " + in.x() + " exceeded");
  });

  public static final JavaTask<AddIn, Long> FLAKY = JavaTask.of("samples.flaky", AddIn.class, Long.class, in -> {
    throw new FlyteRecoverableException("try again");
  });

  /** Config of {@link GreetingTask}. */
  public record GreetingConfig(String greeting, boolean shout) {
  }

  /** A template-based task: the greeting lives in the template, the executor in the "image". */
  public static final class GreetingTask extends CustomizedContainerTask<GreetingConfig> {
    public GreetingTask(String name, GreetingConfig config) {
      super(TaskOptions.builder().name(name).taskType("greeting").image("ghcr.io/acme/greeter:1.0").build(), config,
          GreetingExecutor.class, TaskInterface.builder().input("name", String.class).input("times", Long.class)
              .output("message", String.class).output("length", Long.class).build());
    }

    @Override
    public Map<String, Object> getCustom(SerializationSettings settings) {
      return Map.of("greeting", taskConfig().greeting(), "shout", taskConfig().shout());
    }
  }

  /** Runs {@link GreetingTask}s from their template alone. */
  public static final class GreetingExecutor implements ShimTaskExecutor {
    @Override
    public Object executeFromModel(TaskTemplate template, Map<String, Object> inputs) {
      GreetingConfig config = ShimTaskExecutor.custom(template, GreetingConfig.class);
      String message = (config.greeting() + ", " + inputs.get("name") + "!").repeat(((Long) inputs.get("times")).intValue());
      if (config.shout()) {
        message = message.toUpperCase(java.util.Locale.ROOT);
      }
      return Map.of("message", message, "length", (long) message.length());
    }
  }

  public static final GreetingTask HELLO = new GreetingTask("samples.hello", new GreetingConfig("Hello", false));
  public static final GreetingTask SHOUT = new GreetingTask("samples.shout", new GreetingConfig("Hey", true));

  /** An executor whose code fails. */
  public static final class BrokenExecutor implements ShimTaskExecutor {
    @Override
    public Object executeFromModel(TaskTemplate template, Map<String, Object> inputs) {
      throw new IllegalStateException("the database is read-only");
    }
  }
}
