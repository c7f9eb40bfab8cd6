package dev.shimkit.bench;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.types.TypeEngine;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes what {@code scripts/process-bench.sh} hands to {@code shimkit-execute}: the inputs of
 * {@link BenchTasks#ADD_ONE} and the template and inputs of {@link BenchTasks#GREET}, under the directory
 * given as the only argument. Prints one line per case, {@code <case> <args...>}, the arguments of
 * {@code shimkit-execute} except {@code --output-prefix}, which the script adds per run.
 */
public final class ProcessBenchSetup {
  private ProcessBenchSetup() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ProcessBenchSetup <directory>");
      System.exit(2);
    }
    for (String line : write(Path.of(args[0]).toAbsolutePath())) {
      System.out.println(line);
    }
  }

  /** Writes the files and returns the case lines. */
  public static List<String> write(Path dir) throws IOException {
    Files.createDirectories(dir);
    FlyteContext ctx = BenchData.context(dir);
    SerializationSettings settings = SerializationSettings.forImage("ghcr.io/acme/tasks:1.0", "v1", "bench", "development");

    Path addInputs = write(dir.resolve("java-task/inputs.pb"), TypeEngine.get().toLiteralMap(ctx, Map.of("x", 41L),
        Map.<String, Type>of("x", long.class), null).toByteArray());
    String javaTask = String.join(" ", "java-task", "--inputs", addInputs.toString(), "--raw-output-data-prefix",
        dir.resolve("raw").toString(), "--resolver", "dev.shimkit.resolve.DefaultTaskResolver.INSTANCE", "--",
        "task-module", BenchTasks.class.getName(), "task-name", "ADD_ONE");

    Path template = write(dir.resolve("template-task/task.pb"), BenchTasks.GREET.serializeToModel(settings).toByteArray());
    Path greetInputs = write(dir.resolve("template-task/inputs.pb"), TypeEngine.get().toLiteralMap(ctx,
        Map.of("name", "world", "count", 3L), Map.<String, Type>of("name", String.class, "count", Long.class), null)
        .toByteArray());
    List<String> containerArgs = BenchTasks.GREET.serializeToModel(settings).getContainer().getArgsList();
    String templateTask = String.join(" ", "template-task", "--inputs", greetInputs.toString(),
        "--raw-output-data-prefix", dir.resolve("raw").toString(), "--resolver", containerArgs.get(8), "--",
        template.toUri().toString(), containerArgs.get(11));
    return List.of(javaTask, templateTask);
  }

  private static Path write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }
}
