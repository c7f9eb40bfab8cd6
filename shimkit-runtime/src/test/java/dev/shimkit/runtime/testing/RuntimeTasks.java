package dev.shimkit.runtime.testing;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.errors.FlyteDataException;
import dev.shimkit.errors.FlyteRecoverableException;
import dev.shimkit.shim.CustomizedContainerTask;
import dev.shimkit.shim.ShimTaskExecutor;
import dev.shimkit.task.JavaTask;
import dev.shimkit.task.TaskInterface;
import dev.shimkit.task.TaskOptions;
import dev.shimkit.types.FlyteFile;
import flyteidl.core.Tasks.TaskTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Tasks the runtime tests run in-process, through shimkit-execute and through the local backend runner. */
public final class RuntimeTasks {
  private RuntimeTasks() {
  }

  public record AddIn(long x) {
  }

  public record TextIn(String text) {
  }

  public record Report(FlyteFile file, long length) {
  }

  /** The same task as flytekit's golden {@code pyref_tasks.add_one}. */
  public static final JavaTask<AddIn, Long> ADD_ONE =
      JavaTask.of("pyref_tasks.add_one", AddIn.class, Long.class, in -> in.x() + 1);

  /** Writes a file: its output is uploaded under the raw output prefix. */
  public static final JavaTask<TextIn, Report> WRITE_REPORT = JavaTask.of("runtime.write_report", TextIn.class,
      Report.class, in -> {
        Path dir = FlyteContext.current().userSpaceParams().orElseThrow().workingDirectory();
        Files.createDirectories(dir);
        Path file = Files.writeString(dir.resolve("report.txt"), in.text().toUpperCase(Locale.ROOT));
        return new Report(FlyteFile.of(file), Files.size(file));
      });

  /** Fails with a plain exception from user code. */
  public static final JavaTask<AddIn, Long> USER_FAILURE = JavaTask.of("runtime.user_failure", AddIn.class, Long.class,
      in -> {
        throw new IllegalStateException("x must be positive, got " + in.x());
      });

  /** Fails in a way a retry may fix, but only on the first attempt (the one without a previous checkpoint). */
  public static final JavaTask<AddIn, Long> FLAKY = JavaTask.of(TaskOptions.builder().name("runtime.flaky").retries(2)
      .build(), AddIn.class, Long.class, in -> {
        if (FlyteContext.current().userSpaceParams().orElseThrow().prevCheckpointPath().isEmpty()) {
          throw new FlyteRecoverableException("the service was busy");
        }
        return in.x() * 10;
      });

  /** Fails as an infrastructure error would. */
  public static final JavaTask<AddIn, Long> STORAGE_FAILURE = JavaTask.of("runtime.storage_failure", AddIn.class,
      Long.class, in -> {
        throw FlyteDataException.download("s3://bucket/key", new java.io.IOException("connection reset"));
      });

  /** Returns a value its declared output type cannot hold. */
  public static final JavaTask<Map<String, Object>, Map<String, Object>> BAD_OUTPUT = JavaTask.dynamic(
      TaskOptions.named("runtime.bad_output"), TaskInterface.builder().input("x", Long.class).output("o", Long.class).build(),
      in -> Map.of("o", "not a number"));

  /** Reads a secret, then fails with a message that (carelessly) contains it. */
  public static final JavaTask<AddIn, Long> SECRET_LEAK = JavaTask.of("runtime.secret_leak", AddIn.class, Long.class,
      in -> {
        String password = FlyteContext.current().userSpaceParams().orElseThrow().secrets().get("db", "password");
        throw new IllegalStateException("login refused for password " + password);
      });

  /** Writes a deck section; decks are enabled. */
  public static final JavaTask<AddIn, Long> WITH_DECK = JavaTask.of(TaskOptions.builder().name("runtime.with_deck")
      .enableDeck(true).build(), AddIn.class, Long.class, in -> {
        FlyteContext.current().userSpaceParams().orElseThrow().decks().deck("summary").append("<p>x was " + in.x() + "</p>");
        return in.x();
      });

  /** Config of {@link UpperTask}. */
  public record UpperConfig(String prefix) {
  }

  /** A template-based task: its prefix lives in the template, its code in {@link UpperExecutor}. */
  public static final class UpperTask extends CustomizedContainerTask<UpperConfig> {
    public UpperTask(String name, String prefix) {
      super(TaskOptions.builder().name(name).taskType("upper").build(), new UpperConfig(prefix), UpperExecutor.class,
          TaskInterface.builder().input("text", String.class).output("result", String.class).build());
    }

    @Override
    public Map<String, Object> getCustom(SerializationSettings settings) {
      return Map.of("prefix", taskConfig().prefix());
    }
  }

  /** Runs {@link UpperTask}s from their template. */
  public static final class UpperExecutor implements ShimTaskExecutor {
    @Override
    public Object executeFromModel(TaskTemplate template, Map<String, Object> inputs) {
      String prefix = ShimTaskExecutor.custom(template, UpperConfig.class).prefix();
      return prefix + ((String) inputs.get("text")).toUpperCase(Locale.ROOT);
    }
  }

  public static final UpperTask UPPER = new UpperTask("runtime.upper", ">> ");
}
