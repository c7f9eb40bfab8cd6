package dev.shimkit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Value;
import dev.shimkit.parquet.ColumnType;
import dev.shimkit.parquet.ParquetDatasetReader;
import dev.shimkit.runtime.ShimkitExecute;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** flytekit's own SQLite3Task template and inputs, run unchanged through shimkit-execute. */
class GoldenSqliteExecuteTest {
  @TempDir
  Path dir;

  @Test
  void flytekitTemplateGivesFlytekitsRows() throws Exception {
    Path golden = GoldenFiles.dir();
    TaskTemplate template = TaskTemplate.parseFrom(Files.readAllBytes(golden.resolve("sqlite3_task.task_template.pb")));
    TaskTemplate.Builder pointed = template.toBuilder();
    pointed.getCustomBuilder().putFields("uri", Value.newBuilder()
        .setStringValue(golden.resolve("example_db.zip").toAbsolutePath().normalize().toString()).build());
    Path templateFile = Files.write(dir.resolve("task.pb"), pointed.build().toByteArray());
    Path out = dir.resolve("out");
    Path raw = dir.resolve("raw");

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // exactly the container args flytekit serialized, after the program name, with paths substituted
    List<String> args = template.getContainer().getArgsList().subList(1, template.getContainer().getArgsCount())
        .stream().map(a -> switch (a) {
          case "{{.input}}" -> golden.resolve("exec_sqlite3/inputs.pb").toString();
          case "{{.outputPrefix}}" -> out.toString();
          case "{{.rawOutputDataPrefix}}" -> raw.toString();
          case "{{.taskTemplatePath}}" -> templateFile.toString();
          default -> a;
        }).toList();
    assertThat(args).contains("flytekit.extras.sqlite3.task.SQLite3TaskExecutor",
        "flytekit.core.python_customized_container_task.default_task_template_resolver");
    int code = new ShimkitExecute(Map.of(), new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args.toArray(String[]::new));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    if (Files.exists(out.resolve("error.pb"))) {
      throw new AssertionError(flyteidl.core.Errors.ErrorDocument.parseFrom(Files.readAllBytes(out.resolve("error.pb"))));
    }

    LiteralMap outputs = LiteralMap.parseFrom(Files.readAllBytes(out.resolve("outputs.pb")));
    LiteralMap expected = LiteralMap.parseFrom(Files.readAllBytes(golden.resolve("exec_sqlite3/outputs.pb")));
    var ours = outputs.getLiteralsOrThrow("results").getScalar().getStructuredDataset();
    var theirs = expected.getLiteralsOrThrow("results").getScalar().getStructuredDataset();
    assertThat(outputs.getLiteralsMap().keySet()).isEqualTo(expected.getLiteralsMap().keySet());
    assertThat(ours.getMetadata()).isEqualTo(theirs.getMetadata());
    assertThat(ours.getUri()).startsWith(raw.toString());

    Path ourParquet = Path.of(ours.getUri());
    assertThat(ourParquet.resolve("00000")).isRegularFile();
    try (ParquetDatasetReader mine = ParquetDatasetReader.open(ourParquet);
         ParquetDatasetReader flytekit = ParquetDatasetReader.open(golden.resolve("exec_sqlite3/results_00000.parquet"))) {
      assertThat(mine.schema()).isEqualTo(flytekit.schema());
      assertThat(mine.schema().column(0).type()).isEqualTo(ColumnType.INT64);
      assertThat(mine.schema().column(1).type()).isEqualTo(ColumnType.STRING);
      List<Object[]> a = mine.rows().toList();
      List<Object[]> b = flytekit.rows().toList();
      assertThat(a).hasSize(3);
      assertThat(a).usingRecursiveFieldByFieldElementComparator().isEqualTo(b);
    }
  }
}
