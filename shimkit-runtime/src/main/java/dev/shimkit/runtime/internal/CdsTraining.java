package dev.shimkit.runtime.internal;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.runtime.ShimkitExecute;
import dev.shimkit.shim.CustomizedContainerTask;
import dev.shimkit.shim.ShimTaskExecutor;
import dev.shimkit.storage.FileAccessProvider;
import dev.shimkit.task.JavaTask;
import dev.shimkit.task.TaskInterface;
import dev.shimkit.types.TypeEngine;
import dev.shimkit.types.Types;
import flyteidl.core.Tasks.TaskTemplate;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run of the class-data-sharing archive ({@code bin/shimkit-cds-archive}): runs the entrypoint in
 * this JVM on a JavaTask and on a template-based task, both with local files, so that the classes of a typical
 * task attempt are loaded once and can be dumped. Exits 1 when a run did not write its outputs.
 *
 * <p>Plugins add their own task attempts without this module knowing them: each argument is a file of case
 * lines, one {@code shimkit-execute} argument list per line (words separated by spaces, without
 * {@code --output-prefix}), written beforehand by the plugin's own setup main (the SQL module's
 * {@code dev.shimkit.sql.internal.SqlCdsTrainingSetup}), and run here in the same JVM.
 */
public final class CdsTraining {
  private CdsTraining() {
  }

  /** Inputs of {@link #SUM}. */
  public record SumIn(List<Long> values, String label, double scale) {
  }

  /** Outputs of {@link #SUM}. */
  public record SumOut(long total, String label) {
  }

  public static final JavaTask<SumIn, SumOut> SUM = JavaTask.of("shimkit.cds_training.sum", SumIn.class, SumOut.class,
      in -> new SumOut((long) (in.values().stream().mapToLong(Long::longValue).sum() * in.scale()), in.label()));

  /** Config of {@link EchoTask}. */
  public record EchoConfig(String prefix, boolean upper, long repeat) {
  }

  /** A template-based task whose executor is {@link EchoExecutor}. */
  static final class EchoTask extends CustomizedContainerTask<EchoConfig> {
    EchoTask() {
      super(dev.shimkit.task.TaskOptions.builder().name("shimkit.cds_training.echo").build(),
          new EchoConfig("> ", true, 2), EchoExecutor.class,
          TaskInterface.builder().input("text", String.class).input("n", Long.class).output("text", String.class)
              .build());
    }

    @Override
    public Map<String, Object> getCustom(SerializationSettings settings) {
      return Map.of("prefix", taskConfig().prefix(), "upper", taskConfig().upper(), "repeat", taskConfig().repeat());
    }
  }

  /** Reads its config from the template, as executors do. */
  public static final class EchoExecutor implements ShimTaskExecutor {
    @Override
    public Object executeFromModel(TaskTemplate template, Map<String, Object> inputs) {
      EchoConfig config = ShimTaskExecutor.custom(template, EchoConfig.class);
      Map<String, Object> raw = ShimTaskExecutor.custom(template);
      String text = (config.prefix() + inputs.get("text") + inputs.get("n")).repeat((int) config.repeat());
      return config.upper() && Boolean.TRUE.equals(raw.get("upper")) ? text.toUpperCase(java.util.Locale.ROOT) : text;
    }
  }

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("shimkit-cds-training");
    boolean ok;
    try {
      ok = train(dir);
      int n = 0;
      for (String casesFile : args) {
        for (String line : Files.readAllLines(Path.of(casesFile))) {
          if (!line.isBlank()) {
            ok &= run(dir.resolve("case-" + n++), line.trim().split(" +"));
          }
        }
      }
    } finally {
      delete(dir);
    }
    System.exit(ok ? 0 : 1);
  }

  /** Runs both tasks under {@code dir}; true when both wrote their outputs. */
  static boolean train(Path dir) throws IOException {
    FlyteContext ctx = FlyteContext.root(new FileAccessProvider(dir, dir.resolve("raw").toString()));
    TypeEngine engine = TypeEngine.get();
    SerializationSettings settings = SerializationSettings.placeholder();

    Path sumInputs = Files.write(dir.resolve("sum-inputs.pb"), engine.toLiteralMap(ctx,
        Map.of("values", List.of(1L, 2L, 3L), "label", "training", "scale", 1.5),
        Map.<String, Type>of("values", Types.listOf(Long.class), "label", String.class, "scale", double.class), null)
        .toByteArray());
    boolean ok = run(dir.resolve("sum-out"), "--inputs", sumInputs.toString(), "--raw-output-data-prefix",
        dir.resolve("raw").toString(), "--resolver", "dev.shimkit.resolve.DefaultTaskResolver.INSTANCE", "--",
        "task-module", CdsTraining.class.getName(), "task-name", "SUM");

    EchoTask echo = new EchoTask();
    TaskTemplate template = echo.serializeToModel(settings);
    Path templateFile = Files.write(dir.resolve("echo-task.pb"), template.toByteArray());
    Path echoInputs = Files.write(dir.resolve("echo-inputs.pb"), engine.toLiteralMap(ctx,
        Map.of("text", "hi", "n", 3L), Map.<String, Type>of("text", String.class, "n", Long.class), null).toByteArray());
    List<String> echoArgs = new ArrayList<>(List.of("--inputs", echoInputs.toString(), "--raw-output-data-prefix",
        dir.resolve("raw").toString(), "--resolver", template.getContainer().getArgs(8), "--",
        templateFile.toUri().toString(), template.getContainer().getArgs(11)));
    ok &= run(dir.resolve("echo-out"), echoArgs.toArray(String[]::new));
    return ok;
  }

  private static boolean run(Path out, String... args) {
    List<String> all = new ArrayList<>(List.of("--output-prefix", out.toString()));
    all.addAll(List.of(args));
    int code = new ShimkitExecute(System.getenv(), System.err).run(all.toArray(String[]::new));
    boolean ok = code == 0 && Files.exists(out.resolve("outputs.pb"));
    if (!ok) {
      System.err.println("shimkit-cds-training: " + String.join(" ", all) + " exited " + code + " without outputs");
    }
    return ok;
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
