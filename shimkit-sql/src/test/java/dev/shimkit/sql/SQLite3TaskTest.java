package dev.shimkit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.config.ImageConfig;
import dev.shimkit.config.SerializationSettings;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.errors.FlyteException;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.storage.FileAccessProvider;
import dev.shimkit.types.CellType;
import dev.shimkit.types.StructuredDataset;
import dev.shimkit.types.StructuredDatasets;
import dev.shimkit.types.TableColumn;
import dev.shimkit.types.TableCursor;
import flyteidl.core.Tasks.TaskTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SQLite3TaskTest {
  @TempDir
  Path dir;

  private Map<String, Object> run(SQLite3Task task, Map<String, ?> inputs) {
    FlyteContext ctx = FlyteContext.root(FileAccessProvider.local(dir.resolve("sandbox")));
    try (FlyteContextManager.Scope scope = FlyteContextManager.push(ctx)) {
      return task.localExecute(inputs);
    }
  }

  private List<Object[]> rows(StructuredDataset sd) {
    FlyteContext ctx = FlyteContext.root(FileAccessProvider.local(dir.resolve("reader")));
    try (TableCursor c = StructuredDatasets.open(ctx, sd)) {
      return c.readAll();
    }
  }

  static void assertMixedRows(List<TableColumn> columns, List<Object[]> rows) {
    assertThat(columns).containsExactly(TableColumn.of("id", CellType.INT64), TableColumn.of("score", CellType.DOUBLE),
        TableColumn.of("name", CellType.STRING), TableColumn.of("payload", CellType.BYTES),
        TableColumn.of("note", CellType.STRING));
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0)).containsExactly(1L, 1.5, "alpha", TestDatabases.BLOB, "n1");
    assertThat(rows.get(1)).containsExactly(2L, null, "béta ✓", null, null);
    assertThat(rows.get(2)).containsExactly(9_007_199_254_740_993L, -0.25, null, new byte[0], "n3");
    assertThat(rows.get(3)).containsExactly(null, 3.0, "O'Brien", TestDatabases.BLOB, null);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Format.class)
  void everyArchiveFormatGivesTheSameRows(TestDatabases.Format format) throws Exception {
    Path db = TestDatabases.mixed(dir.resolve("src"));
    Path archive = TestDatabases.archive(dir.resolve("mixed" + TestDatabases.extension(format)), format,
        "mixed.db", db);
    SQLite3Task task = SQLite3Task.builder("t.mixed_" + format)
        .query("select * from mixed where id is null or id >= {{ .inputs.min }} order by rowid")
        .input("min", Long.class).database(archive.toString(), true).build();
    StructuredDataset sd = (StructuredDataset) run(task, Map.of("min", 0L)).get("results");
    assertThat(sd.fileFormat()).isEqualTo("parquet");
    assertThat(sd.uri()).startsWith(dir.resolve("sandbox").resolve("raw").toString());
    assertThat(Path.of(sd.uri()).resolve("00000")).isRegularFile();
    FlyteContext ctx = FlyteContext.root(FileAccessProvider.local(dir.resolve("reader")));
    try (TableCursor c = StructuredDatasets.open(ctx, sd)) {
      assertMixedRows(c.columns(), c.readAll());
    }
  }

  @Test
  void plainFileAndFileUriWork() throws Exception {
    Path db = TestDatabases.mixed(dir.resolve("src"));
    for (String uri : List.of(db.toString(), db.toUri().toString())) {
      SQLite3Task task = SQLite3Task.builder("t.plain").query("select * from mixed order by rowid")
          .database(uri).build();
      StructuredDataset sd = (StructuredDataset) run(task, Map.of()).get("results");
      FlyteContext ctx = FlyteContext.root(FileAccessProvider.local(dir.resolve("reader")));
      try (TableCursor c = StructuredDatasets.open(ctx, sd)) {
        assertMixedRows(c.columns(), c.readAll());
      }
    }
  }

  @Test
  void emptyResultKeepsItsColumns() throws Exception {
    Path db = TestDatabases.mixed(dir.resolve("src"));
    SQLite3Task task = SQLite3Task.builder("t.empty").query("select a, b, 1.5 as c from empty")
        .database(db.toString()).build();
    StructuredDataset sd = (StructuredDataset) run(task, Map.of()).get("results");
    FlyteContext ctx = FlyteContext.root(FileAccessProvider.local(dir.resolve("reader")));
    try (TableCursor c = StructuredDatasets.open(ctx, sd)) {
      assertThat(c.columns()).containsExactly(TableColumn.of("a", CellType.INT64), TableColumn.of("b", CellType.STRING),
          TableColumn.of("c", CellType.STRING));
      assertThat(c.next()).isFalse();
    }
  }

  @Test
  void injectionThroughAStringInputFindsNothingAndChangesNothing() throws Exception {
    Path db = TestDatabases.mixed(dir.resolve("src"));
    byte[] before = sha256(db);
    SQLite3Task task = SQLite3Task.builder("t.inject")
        .query("select id from mixed where name = '{{ .inputs.name }}' or note = {{ .inputs.name }}")
        .input("name", String.class).database(db.toString()).build();
    for (String evil : List.of("x'; drop table mixed; --", "' or '1'='1", "alpha' or 1=1 --")) {
      StructuredDataset sd = (StructuredDataset) run(task, Map.of("name", evil)).get("results");
      assertThat(rows(sd)).as(evil).isEmpty();
    }
    StructuredDataset ok = (StructuredDataset) run(task, Map.of("name", "O'Brien")).get("results");
    assertThat(rows(ok)).hasSize(1);
    assertThat(sha256(db)).isEqualTo(before);
  }

  @Test
  void stringInputInATableNamePositionIsRejectedAtBuildUnlessOptedIn() throws Exception {
    Path db = TestDatabases.mixed(dir.resolve("src"));
    assertThatThrownBy(() -> SQLite3Task.builder("t.ident").query("select * from {{.inputs.table}}")
        .input("table", String.class).database(db.toString()).build())
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("String input 'table'");
    SQLite3Task opted = SQLite3Task.builder("t.ident").query("select count(*) as n from {{.inputs.table}}")
        .input("table", String.class).database(db.toString()).allowTextSubstitution(true).build();
    assertThat(opted.getCustom(SerializationSettings.placeholder())).containsEntry("allow_text_substitution", true);
    assertThat(rows((StructuredDataset) run(opted, Map.of("table", "mixed")).get("results")).get(0))
        .containsExactly(4L);
  }

  @Test
  void writesAreRefusedAndTheDatabaseIsNeverModified() throws Exception {
    Path db = TestDatabases.mixed(dir.resolve("src"));
    byte[] before = sha256(db);
    SQLite3Task task = SQLite3Task.builder("t.write").query("delete from mixed returning id")
        .database(db.toString()).build();
    assertThatThrownBy(() -> run(task, Map.of())).isInstanceOf(FlyteException.class)
        .satisfies(e -> assertThat(((FlyteException) e).origin()).isEqualTo(FlyteException.Origin.USER))
        .hasMessageContaining("readonly");
    assertThat(sha256(db)).isEqualTo(before);
  }

  @Test
  void sqlErrorsAreUserErrorsNamingTheStatement() throws Exception {
    Path db = TestDatabases.mixed(dir.resolve("src"));
    SQLite3Task task = SQLite3Task.builder("t.bad").query("select nope from missing_table")
        .database(db.toString()).build();
    assertThatThrownBy(() -> run(task, Map.of())).isInstanceOf(FlyteException.class)
        .satisfies(e -> {
          assertThat(((FlyteException) e).origin()).isEqualTo(FlyteException.Origin.USER);
          assertThat(((FlyteException) e).errorCode()).isEqualTo("USER:SQLError");
        })
        .hasMessageContaining("no such table: missing_table").hasMessageContaining("select nope from missing_table");
  }

  @Test
  void archiveWithTwoFilesIsAClearError() throws Exception {
    Path db = TestDatabases.mixed(dir.resolve("src"));
    Path zip = TestDatabases.archive(dir.resolve("two.zip"), TestDatabases.Format.ZIP, "a.db", db, "b.db", db);
    SQLite3Task task = SQLite3Task.builder("t.two").query("select 1").database(zip.toString(), true).build();
    assertThatThrownBy(() -> run(task, Map.of())).hasMessageContaining("exactly one file")
        .hasMessageContaining("[a.db, b.db]");
  }

  @Test
  void missingDatabaseIsAUserError() {
    SQLite3Task task = SQLite3Task.builder("t.none").query("select 1")
        .database(dir.resolve("nope.db").toString()).build();
    assertThatThrownBy(() -> run(task, Map.of())).isInstanceOf(FlyteException.class)
        .satisfies(e -> assertThat(((FlyteException) e).origin()).isEqualTo(FlyteException.Origin.USER))
        .hasMessageContaining("does not exist");
  }

  @Test
  void mixedIntegerAndRealValuesInOneColumnAreDoubles() throws Exception {
    Path db = TestDatabases.mixed(dir.resolve("src"));
    SQLite3Task task = SQLite3Task.builder("t.widen")
        .query("select case when id = 1 then 1 else 2.5 end as v from mixed order by rowid")
        .database(db.toString()).build();
    List<Object[]> rows = rows((StructuredDataset) run(task, Map.of()).get("results"));
    assertThat(rows).extracting(r -> r[0]).containsExactly(1.0, 2.5, 2.5, 2.5);
  }

  @Test
  void templateHasFlytekitsShape() throws Exception {
    TaskTemplate golden = TaskTemplate.parseFrom(Files.readAllBytes(GoldenFiles.dir()
        .resolve("sqlite3_task.task_template.pb")));
    SQLite3Task task = SQLite3Task.builder("pyref.sqlite_tracks")
        .query("select TrackId, Name\n  from tracks\n  limit {{.inputs.limit}}")
        .input("limit", Long.class).outputColumn("TrackId", Long.class).outputColumn("Name", String.class)
        .database("example_db.zip", true).build();
    SerializationSettings settings = SerializationSettings.forImage("x:1", "v1", "flytesnacks",
        "development");
    TaskTemplate ours = task.serializeToModel(settings);
    assertThat(ours.getType()).isEqualTo(golden.getType());
    assertThat(ours.getInterface()).isEqualTo(golden.getInterface());
    assertThat(ours.getCustom()).isEqualTo(golden.getCustom());
    assertThat(ours.getId()).isEqualTo(golden.getId());
    List<String> args = ours.getContainer().getArgsList();
    assertThat(args.subList(1, 8)).isEqualTo(golden.getContainer().getArgsList().subList(1, 8));
    assertThat(args.get(args.size() - 1)).isEqualTo(SQLite3TaskExecutor.class.getName());
  }

  @Test
  void imageDefaultsToTheSqlImage() {
    SQLite3Task task = SQLite3Task.builder("t.img").query("select 1").database("x.db").build();
    SerializationSettings none = SerializationSettings.forImage("base:1", "v", "p", "d");
    assertThat(task.getImage(none)).isEqualTo(SqlImages.DEFAULT_IMAGE);
    SerializationSettings withSql = none.toBuilder().imageConfig(ImageConfig.fromImages("base:1",
        Map.of("sql", "registry.example/sql:7"))).build();
    assertThat(task.getImage(withSql)).isEqualTo("registry.example/sql:7");
  }

  static byte[] sha256(Path f) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
