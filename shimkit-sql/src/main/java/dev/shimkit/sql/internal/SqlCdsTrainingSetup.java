package dev.shimkit.sql.internal;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.sql.SQLite3Task;
import dev.shimkit.storage.FileAccessProvider;
import dev.shimkit.types.TypeEngine;
import flyteidl.core.Tasks.TaskTemplate;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the SQL module's task attempt for the start-up archive's training run: a SQLite3Task as flytekit's
 * example is (a zipped database, a {@code limit} input bound into the query, 3 rows to parquet), its template
 * and inputs under the directory given as the only argument, and prints the {@code shimkit-execute} arguments
 * (without {@code --output-prefix}) as one line. {@code bin/shimkit-cds-archive} passes the printed lines to
 * the runtime's training main, so the archive holds the classes of SQL tasks (sqlite-jdbc, commons-compress,
 * parquet) while the runtime module keeps knowing nothing of SQL.
 */
public final class SqlCdsTrainingSetup {
  private SqlCdsTrainingSetup() {
  }

  public static void main(String[] args) throws IOException, SQLException {
    if (args.length != 1) {
      System.err.println("usage: SqlCdsTrainingSetup <directory>");
      System.exit(2);
    }
    System.out.println(String.join(" ", write(Path.of(args[0]).toAbsolutePath())));
  }

  /** Writes the database, template and inputs under {@code dir}; returns the shimkit-execute arguments. */
  public static List<String> write(Path dir) throws IOException, SQLException {
    Files.createDirectories(dir);
    Path db = dir.resolve("training.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
      s.execute("create table tracks(id INTEGER, name TEXT, score REAL, cover BLOB)");
      s.execute("insert into tracks values (1, 'one', 0.5, x'00'), (2, 'two', NULL, NULL), (3, NULL, 2.5, x'ff'),"
          + " (4, 'four', 1.0, x'01')");
    }
    Path zip = dir.resolve("training.zip");
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("training.db"));
      Files.copy(db, z);
      z.closeEntry();
    }
    SQLite3Task task = SQLite3Task.builder("shimkit.cds_training.sqlite")
        .query("select id, name, score, cover from tracks order by id limit {{.inputs.limit}}")
        .input("limit", Long.class).database(zip.toString(), true).build();
    TaskTemplate template = task.serializeToModel(SerializationSettings.placeholder());
    Path templateFile = Files.write(dir.resolve("sqlite-task.pb"), template.toByteArray());
    FlyteContext ctx = FlyteContext.root(new FileAccessProvider(dir, dir.resolve("raw").toString()));
    Path inputs = Files.write(dir.resolve("sqlite-inputs.pb"), TypeEngine.get().toLiteralMap(ctx,
        Map.of("limit", 3L), Map.<String, Type>of("limit", Long.class), null).toByteArray());
    return List.of("--inputs", inputs.toString(), "--raw-output-data-prefix", dir.resolve("raw").toString(),
        "--resolver", template.getContainer().getArgs(8), "--", templateFile.toUri().toString(),
        template.getContainer().getArgs(11));
  }
}
