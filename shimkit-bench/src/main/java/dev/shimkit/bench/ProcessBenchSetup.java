package dev.shimkit.bench;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.types.TypeEngine;
import dev.shimkit.sql.SQLite3Task;
import flyteidl.core.Tasks.TaskTemplate;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes what {@code scripts/process-bench.sh} hands to {@code shimkit-execute}, under the directory given as
 * the first argument: the inputs of {@link BenchTasks#ADD_ONE}, the template and inputs of
 * {@link BenchTasks#GREET}, and two SQLite3Tasks with their databases: {@code sqlite-3rows} (as flytekit's
 * example: a zipped database, a {@code limit} input of 3 bound into the query) and {@code sqlite-1M} (a plain
 * database file, {@code select id, name, score from t} over 1,000,000 rows; a second argument changes the
 * count). Prints one line per case, {@code <case> <args...>}, the arguments of {@code shimkit-execute} except
 * {@code --output-prefix}, which the script adds per run.
 */
public final class ProcessBenchSetup {
  private ProcessBenchSetup() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: ProcessBenchSetup <directory> [rows of the large SQLite case, default 1000000]");
      System.exit(2);
    }
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    for (String line : write(Path.of(args[0]).toAbsolutePath(), rows)) {
      System.out.println(line);
    }
  }

  /** Writes the files and returns the case lines; the large SQLite case has {@code largeRows} rows. */
  public static List<String> write(Path dir, int largeRows) throws IOException {
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
    Path smallDb = BenchData.sqliteTable(dir.resolve("sqlite-3rows/tracks.db"), 1000);
    Path zip = dir.resolve("sqlite-3rows/tracks.zip");
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("tracks.db"));
      Files.copy(smallDb, z);
      z.closeEntry();
    }
    Files.delete(smallDb);
    SQLite3Task small = SQLite3Task.builder("bench.sqlite_3rows").query("select id, name from t limit {{.inputs.limit}}")
        .input("limit", Long.class).database(zip.toString(), true).build();
    String sqliteSmall = sqliteCase("sqlite-3rows", dir, small, settings, TypeEngine.get().toLiteralMap(ctx,
        Map.of("limit", 3L), Map.<String, Type>of("limit", Long.class), null).toByteArray());

    Path bigDb = BenchData.sqliteTable(dir.resolve("sqlite-1M/numbers.db"), largeRows);
    SQLite3Task big = SQLite3Task.builder("bench.sqlite_1M").query("select id, name, score from t")
        .database(bigDb.toString()).build();
    String sqliteBig = sqliteCase("sqlite-1M", dir, big, settings, new byte[0]);
    return List.of(javaTask, templateTask, sqliteSmall, sqliteBig);
  }

  private static String sqliteCase(String name, Path dir, SQLite3Task task, SerializationSettings settings,
      byte[] inputs) throws IOException {
    TaskTemplate template = task.serializeToModel(settings);
    Path templateFile = write(dir.resolve(name + "/task.pb"), template.toByteArray());
    Path inputsFile = write(dir.resolve(name + "/inputs.pb"), inputs);
    return String.join(" ", name, "--inputs", inputsFile.toString(), "--raw-output-data-prefix",
        dir.resolve("raw").toString(), "--resolver", template.getContainer().getArgs(8), "--",
        templateFile.toUri().toString(), template.getContainer().getArgs(11));
  }

  private static Path write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }
}
