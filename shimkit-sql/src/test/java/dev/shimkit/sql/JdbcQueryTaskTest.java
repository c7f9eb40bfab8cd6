package dev.shimkit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.runtime.ShimkitExecute;
import dev.shimkit.storage.FileAccessProvider;
import dev.shimkit.task.Secret;
import dev.shimkit.types.CellType;
import dev.shimkit.types.StructuredDataset;
import dev.shimkit.types.StructuredDatasets;
import dev.shimkit.types.TableColumn;
import dev.shimkit.types.TableCursor;
import flyteidl.core.Errors.ContainerError;
import flyteidl.core.Errors.ErrorDocument;
import flyteidl.core.Execution.ExecutionError;
import flyteidl.core.Literals;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JdbcQueryTask against a real PostgreSQL server, run through shimkit-execute with the password as a secret. */
class JdbcQueryTaskTest {
  private static final Secret PASSWORD = Secret.of("pg", "password");
  @TempDir
  Path dir;
  String schema;

  @BeforeEach
  void setUp() {
    schema = PostgresServer.freshSchema();
  }

  @AfterEach
  void tearDown() {
    PostgresServer.drop(schema);
  }

  private JdbcQueryTask.Builder task(String name, String query) {
    return JdbcQueryTask.builder(name).url(PostgresServer.URL).user(PostgresServer.USER).passwordSecret(PASSWORD)
        .property("currentSchema", schema).query(query);
  }

  /** What one run of shimkit-execute left behind. */
  record Run(byte[] templateBytes, LiteralMap outputs, ErrorDocument error, byte[] errorBytes, String logs) {
  }

  private Run execute(JdbcQueryTask task, Map<String, Literals.Literal> inputs, Map<String, String> env)
      throws Exception {
    TaskTemplate template = task.serializeToModel(SerializationSettings.forImage("img:1", "v1", "p", "d"));
    Path base = Files.createTempDirectory(dir, "run");
    Path templateFile = Files.write(base.resolve("task.pb"), template.toByteArray());
    Path inputsFile = Files.write(base.resolve("inputs.pb"), LiteralMap.newBuilder().putAllLiterals(inputs).build()
        .toByteArray());
    Path out = base.resolve("out");
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    PrintStream oldErr = System.err;
    PrintStream oldOut = System.out;
    System.setErr(capture);
    System.setOut(capture);
    try {
      new ShimkitExecute(env, capture).run("--inputs", inputsFile.toString(), "--output-prefix", out.toString(),
          "--raw-output-data-prefix", base.resolve("raw").toString(), "--resolver",
          "dev.shimkit.shim.TaskTemplateResolver.INSTANCE", "--", templateFile.toString(),
          JdbcQueryTaskExecutor.class.getName());
    } finally {
      System.setErr(oldErr);
      System.setOut(oldOut);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    Path error = out.resolve("error.pb");
    if (Files.exists(error)) {
      byte[] bytes = Files.readAllBytes(error);
      return new Run(template.toByteArray(), null, ErrorDocument.parseFrom(bytes), bytes, logs);
    }
    return new Run(template.toByteArray(), LiteralMap.parseFrom(Files.readAllBytes(out.resolve("outputs.pb"))),
        null, null, logs);
  }

  private Run execute(JdbcQueryTask task, Map<String, Literals.Literal> inputs) throws Exception {
    return execute(task, inputs, Map.of("_FSEC_PG_PASSWORD", PostgresServer.PASSWORD));
  }

  private List<Object[]> rows(Run run, List<TableColumn> expectedColumns) {
    assertThat(run.error()).as(String.valueOf(run.error())).isNull();
    String uri = run.outputs().getLiteralsOrThrow("results").getScalar().getStructuredDataset().getUri();
    FlyteContext ctx = FlyteContext.root(FileAccessProvider.local(dir.resolve("reader")));
    try (TableCursor c = StructuredDatasets.open(ctx, StructuredDataset.of(uri))) {
      if (expectedColumns != null) {
        assertThat(c.columns()).containsExactlyElementsOf(expectedColumns);
      }
      return c.readAll();
    }
  }

  private static Literals.Literal lit(long v) {
    return Literals.Literal.newBuilder().setScalar(Literals.Scalar.newBuilder()
        .setPrimitive(Literals.Primitive.newBuilder().setInteger(v))).build();
  }

  private static Literals.Literal lit(String v) {
    return Literals.Literal.newBuilder().setScalar(Literals.Scalar.newBuilder()
        .setPrimitive(Literals.Primitive.newBuilder().setStringValue(v))).build();
  }

  @Test
  void queryWithBoundInputsMapsPostgresTypes() throws Exception {
    JdbcQueryTask task = task("pg.items", "select id, name, price, qty, ratio, ok, day, at, data, big, tiny"
        + " from items where qty >= {{ .inputs.min_qty }} order by id").input("min_qty", Long.class).build();
    List<Object[]> rows = rows(execute(task, Map.of("min_qty", lit(3))), List.of(
        TableColumn.of("id", CellType.INT64), TableColumn.of("name", CellType.STRING),
        TableColumn.of("price", CellType.STRING),
        TableColumn.of("qty", CellType.INT64), TableColumn.of("ratio", CellType.DOUBLE),
        TableColumn.of("ok", CellType.BOOLEAN), TableColumn.of("day", CellType.DATE),
        TableColumn.of("at", CellType.TIMESTAMP_MICROS), TableColumn.of("data", CellType.BYTES),
        TableColumn.of("big", CellType.STRING), TableColumn.of("tiny", CellType.INT64)));
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0)).containsExactly(1L, "apple", "1.25", 10L, 0.5, true, LocalDate.of(2024, 1, 2),
        Instant.parse("2024-01-02T03:04:05.123456Z"), new byte[] {0, (byte) 0xff}, "12345678901234567890.5", 7L);
    assertThat(rows.get(1)).containsExactly(2L, "O'Brien", null, 3L, null, false, null, null, null, null, null);
    assertThat(rows.get(2)).containsExactly(3L, null, "99.99", 20L, -1.5, null, LocalDate.of(1999, 12, 31),
        Instant.parse("1999-12-31T21:59:59Z"), new byte[0], "0", -1L);
  }

  @Test
  void emptyResultKeepsColumns() throws Exception {
    JdbcQueryTask task = task("pg.none", "select id, name from items where id < 0").build();
    assertThat(rows(execute(task, Map.of()), List.of(TableColumn.of("id", CellType.INT64),
        TableColumn.of("name", CellType.STRING)))).isEmpty();
  }

  @Test
  void injectionThroughStringInputsFailsSafely() throws Exception {
    JdbcQueryTask task = task("pg.inject", "select id from items where name = {{.inputs.name}}"
        + " or name like '%{{.inputs.name}}%'").input("name", String.class).build();
    for (String evil : List.of("x'; drop table items; --", "' or '1'='1", "1); delete from items; --")) {
      assertThat(rows(execute(task, Map.of("name", lit(evil))), null)).as(evil).isEmpty();
    }
    assertThat(rows(execute(task, Map.of("name", lit("O'Brien"))), null)).hasSize(1);
    assertThat(PostgresServer.count(schema, "items")).isEqualTo(3);
    assertThatThrownBy(() -> task("pg.ident", "select * from {{.inputs.t}}").input("t", String.class).build())
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("String input 't'");
  }

  @Test
  void readOnlyByDefaultAndWritesOnlyWhenAllowed() throws Exception {
    Run refused = execute(task("pg.delete", "delete from items returning id").build(), Map.of());
    assertThat(refused.error()).isNotNull();
    assertThat(refused.error().getError().getOrigin()).isEqualTo(ExecutionError.ErrorKind.USER);
    assertThat(refused.error().getError().getMessage()).contains("read-only transaction");
    assertThat(PostgresServer.count(schema, "items")).isEqualTo(3);

    JdbcQueryTask insert = task("pg.insert", "insert into items(id, name) values ({{.inputs.id}}, {{.inputs.name}})")
        .input("id", Long.class).input("name", String.class).allowWrites(true).build();
    assertThat(insert.getCustom(SerializationSettings.placeholder())).containsEntry("read_only", false);
    List<Object[]> rows = rows(execute(insert, Map.of("id", lit(4), "name", lit("pear'); --"))),
        List.of(TableColumn.of("update_count", CellType.INT64)));
    assertThat(rows.get(0)).containsExactly(1L);
    assertThat(PostgresServer.count(schema, "items")).isEqualTo(4);
  }

  @Test
  void sqlErrorsAreUserErrorsWithThePosition() throws Exception {
    Run run = execute(task("pg.bad", "select nam from items").build(), Map.of());
    ContainerError e = run.error().getError();
    assertThat(e.getOrigin()).isEqualTo(ExecutionError.ErrorKind.USER);
    assertThat(e.getKind()).isEqualTo(ContainerError.Kind.NON_RECOVERABLE);
    assertThat(e.getCode()).isEqualTo("USER:SQLError");
    assertThat(e.getMessage()).contains("column \"nam\" does not exist").contains("at position 8 of the statement")
        .contains("select >>> nam from items");
  }

  @Test
  void unreachableDatabaseIsARecoverableSystemError() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    JdbcQueryTask task = JdbcQueryTask.builder("pg.down").url("jdbc:postgresql://127.0.0.1:" + port + "/x")
        .user("u").passwordSecret(PASSWORD).query("select 1").build();
    ContainerError e = execute(task, Map.of()).error().getError();
    assertThat(e.getOrigin()).isEqualTo(ExecutionError.ErrorKind.SYSTEM);
    assertThat(e.getKind()).isEqualTo(ContainerError.Kind.RECOVERABLE);
    assertThat(e.getCode()).isEqualTo("SYSTEM:DatabaseUnavailable");
  }

  @Test
  void passwordAppearsInNoTemplateErrorDocumentOrLog() throws Exception {
    String password = PostgresServer.PASSWORD;
    JdbcQueryTask ok = task("pg.secret", "select count(*) as n from items").build();
    Run good = execute(ok, Map.of());
    assertThat(rows(good, null).get(0)).containsExactly(3L);
    assertThat(good.templateBytes()).asString(StandardCharsets.ISO_8859_1).doesNotContain(password);
    TaskTemplate template = TaskTemplate.parseFrom(good.templateBytes());
    assertThat(template.getSecurityContext().getSecretsList()).hasSize(1);
    assertThat(template.getSecurityContext().getSecrets(0).getKey()).isEqualTo("password");

    // a failing query whose statement and error both carry the password text
    Run bad = execute(task("pg.leak", "select * from items where name = '" + "{{.inputs.p}}' and no_such_column = 1")
        .input("p", String.class).build(), Map.of("p", lit(password)));
    assertThat(bad.error()).isNotNull();
    assertThat(new String(bad.errorBytes(), StandardCharsets.ISO_8859_1)).doesNotContain(password);
    assertThat(bad.logs()).doesNotContain(password);

    // wrong password: the server refuses; the message must not echo what was sent
    Map<String, String> wrongEnv = new HashMap<>();
    wrongEnv.put("_FSEC_PG_PASSWORD", "Wr0ng-" + password);
    Run refused = execute(ok, Map.of(), wrongEnv);
    assertThat(refused.error().getError().getOrigin()).isEqualTo(ExecutionError.ErrorKind.USER);
    assertThat(new String(refused.errorBytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Wr0ng-");
    assertThat(refused.logs()).doesNotContain(password);
    for (Run r : List.of(good, bad, refused)) {
      assertThat(r.logs()).doesNotContain(password);
    }
  }

  @Test
  void passwordsOutsideSecretsAreRefused() {
    assertThatThrownBy(() -> JdbcQueryTask.builder("x").url("jdbc:postgresql://h/db?password=p").query("select 1")
        .build()).isInstanceOf(FlyteValidationException.class).hasMessageContaining("secret");
    assertThatThrownBy(() -> JdbcQueryTask.builder("x").url("jdbc:postgresql://h/db").property("password", "p")
        .query("select 1").build()).isInstanceOf(FlyteValidationException.class).hasMessageContaining("secret");
  }
}
