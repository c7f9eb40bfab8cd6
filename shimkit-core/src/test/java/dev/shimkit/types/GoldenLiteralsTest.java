package dev.shimkit.types;

import static dev.shimkit.types.GoldenFixtures.Color;
import static dev.shimkit.types.GoldenFixtures.Point;
import static dev.shimkit.types.GoldenFixtures.Record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shimkit.context.FlyteContext;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The literals flytekit 1.15.4 wrote decode to the expected Java values and re-encode to the same bytes. */
class GoldenLiteralsTest {
  private static final TypeEngine ENGINE = TypeEngine.get();
  private static final Point ORIGIN = new Point(5, 6.5);
  private static final Record REC = new Record("rec1", List.of(3L, 1L, 2L),
      List.of(List.of(1.0, 2.5), List.of(), List.of(-3.0)), Optional.empty(), ORIGIN);

  @TempDir
  Path tmp;

  /** name → (java type, expected value) from values.txt. */
  private static Map<String, Object[]> cases() {
    Map<String, Object[]> m = new LinkedHashMap<>();
    m.put("i", new Object[] {long.class, 42L});
    m.put("f", new Object[] {double.class, 3.14159});
    m.put("s", new Object[] {String.class, "héllo, wörld 😀"});
    m.put("b", new Object[] {boolean.class, true});
    m.put("dt", new Object[] {Instant.class, Instant.parse("2024-01-15T10:30:45.123456Z")});
    m.put("td", new Object[] {Duration.class, Duration.ofDays(1).plusSeconds(7384).plusNanos(500_000)});
    m.put("li", new Object[] {Types.listOf(Long.class), List.of(1L, -2L, 3L, 0L, Long.MAX_VALUE)});
    m.put("dsf", new Object[] {Types.mapOf(Double.class), Map.of("a", 1.5, "b", -2.25, "z", 0.0)});
    m.put("color", new Object[] {Color.class, Color.GREEN});
    m.put("rec", new Object[] {Record.class, REC});
    m.put("opt", new Object[] {Types.optionalOf(Long.class), Optional.empty()});
    m.put("lrec", new Object[] {Types.listOf(Point.class), List.of(new Point(1, 1.5), new Point(2, -2.0))});
    return m;
  }

  private Map<String, Variable> inputs() throws Exception {
    return GoldenFixtures.template(GoldenFixtures.echo().resolve("template.pb")).getInterface().getInputs()
        .getVariablesMap();
  }

  @Test
  void eachGoldenLiteralDecodesAndReencodesByteEqual() throws Exception {
    FlyteContext ctx = GoldenFixtures.context(tmp);
    Map<String, Variable> vars = inputs();
    for (Map.Entry<String, Object[]> c : cases().entrySet()) {
      String name = c.getKey();
      Type type = (Type) c.getValue()[0];
      Literal golden = GoldenFixtures.literal(name);
      Object decoded = ENGINE.toJava(ctx, golden, type);
      assertThat(decoded).as(name).isEqualTo(c.getValue()[1]);
      LiteralType expected = vars.get(name).getType();
      Literal encoded = ENGINE.toLiteral(ctx, name, c.getValue()[1], type, expected);
      assertThat(encoded).as(name).isEqualTo(golden);
      if (!name.equals("dsf")) { // protobuf map order on the wire is not fixed
        assertThat(encoded.toByteArray()).as(name + " bytes").isEqualTo(golden.toByteArray());
      }
      // without the template's type too: derived from the Java type
      assertThat(ENGINE.toLiteral(ctx, c.getValue()[1], type, null)).as(name + " derived").isEqualTo(golden);
    }
  }

  @Test
  void recordMsgpackBytesAreExactlyFlytekits() throws Exception {
    FlyteContext ctx = GoldenFixtures.context(tmp);
    byte[] golden = GoldenFixtures.literal("rec").getScalar().getBinary().getValue().toByteArray();
    byte[] ours = ENGINE.toLiteral(ctx, REC, Record.class, null).getScalar().getBinary().getValue().toByteArray();
    assertThat(ours).isEqualTo(golden);
    Literal lrec = GoldenFixtures.literal("lrec");
    Literal ourList = ENGINE.toLiteral(ctx, List.of(new Point(1, 1.5), new Point(2, -2.0)),
        Types.listOf(Point.class), null);
    for (int i = 0; i < 2; i++) {
      assertThat(ourList.getCollection().getLiterals(i).getScalar().getBinary().getValue().toByteArray())
          .isEqualTo(lrec.getCollection().getLiterals(i).getScalar().getBinary().getValue().toByteArray());
    }
  }

  @Test
  void goldenFileLiteralBecomesLazyFlyteFileAndPassesThrough() throws Exception {
    FlyteContext ctx = GoldenFixtures.context(tmp);
    Literal golden = GoldenFixtures.literal("ff");
    FlyteFile f = ENGINE.toJava(ctx, golden, FlyteFile.class);
    assertThat(f.path()).isEqualTo(golden.getScalar().getBlob().getUri());
    assertThat(f.remoteSource()).contains(f.path());
    assertThat(ENGINE.toLiteral(ctx, f, FlyteFile.class, inputs().get("ff").getType())).isEqualTo(golden);
  }

  @Test
  void inputsAndOutputsLiteralMapsDecodeAndReencode() throws Exception {
    FlyteContext ctx = GoldenFixtures.context(tmp);
    TaskTemplate tt = GoldenFixtures.template(GoldenFixtures.echo().resolve("template.pb"));
    LiteralMap in = GoldenFixtures.literalMap(GoldenFixtures.echo().resolve("inputs.pb"));
    Map<String, Object> values = ENGINE.toJavaMap(ctx, "input", in, GoldenFixtures.INPUT_TYPES);
    cases().forEach((k, v) -> assertThat(values.get(k)).as(k).isEqualTo(v[1]));
    Map<String, LiteralType> types = new LinkedHashMap<>();
    tt.getInterface().getInputs().getVariablesMap().forEach((k, v) -> types.put(k, v.getType()));
    assertThat(ENGINE.toLiteralMap(ctx, "input", values, GoldenFixtures.INPUT_TYPES, types)).isEqualTo(in);

    LiteralMap out = GoldenFixtures.literalMap(GoldenFixtures.echo().resolve("outputs.pb"));
    Map<String, Type> outTypes = new LinkedHashMap<>();
    Map<String, LiteralType> outLiteralTypes = new LinkedHashMap<>();
    tt.getInterface().getOutputs().getVariablesMap().forEach((k, v) -> {
      outTypes.put(k, GoldenFixtures.INPUT_TYPES.getOrDefault(k.equals("o_optional_int") ? "opt" : k, Object.class));
      outLiteralTypes.put(k, v.getType());
    });
    outTypes.putAll(Map.of("o_int", long.class, "o_float", double.class, "o_str", String.class, "o_bool",
        boolean.class, "o_datetime", Instant.class, "o_timedelta", Duration.class, "o_list_int",
        Types.listOf(Long.class), "o_dict_str_float", Types.mapOf(Double.class), "o_enum", Color.class,
        "o_dataclass", Record.class));
    outTypes.putAll(Map.of("o_list_dataclass", Types.listOf(Point.class), "o_file", FlyteFile.class));
    Map<String, Object> outValues = ENGINE.toJavaMap(ctx, "output", out, outTypes);
    assertThat(outValues.get("o_int")).isEqualTo(43L);
    assertThat(outValues.get("o_float")).isEqualTo(6.28318);
    assertThat(outValues.get("o_str")).isEqualTo("héllo, wörld 😀!");
    assertThat(outValues.get("o_bool")).isEqualTo(false);
    assertThat(outValues.get("o_datetime")).isEqualTo(Instant.parse("2024-01-16T10:30:45.123456Z"));
    assertThat(outValues.get("o_timedelta")).isEqualTo(Duration.ofDays(2).plusSeconds(14768).plusMillis(1));
    assertThat(outValues.get("o_list_int")).isEqualTo(List.of(1L, -2L, 3L, 0L, Long.MAX_VALUE, 5L));
    assertThat(outValues.get("o_dict_str_float")).isEqualTo(Map.of("a", 2.5, "b", -1.25, "z", 1.0));
    assertThat(outValues.get("o_enum")).isEqualTo(Color.BLUE);
    assertThat(outValues.get("o_dataclass")).isEqualTo(new Record("REC1", List.of(2L, 1L, 3L),
        REC.matrix(), Optional.empty(), new Point(6, 6.5)));
    assertThat(outValues.get("o_optional_int")).isEqualTo(Optional.of(7L));
    assertThat(outValues.get("o_list_dataclass")).isEqualTo(List.of(new Point(10, 1.5), new Point(20, -2.0)));
    assertThat(((FlyteFile) outValues.get("o_file")).path()).endsWith("/echo_out.txt");
    assertThat(ENGINE.toLiteralMap(ctx, "output", outValues, outTypes, outLiteralTypes)).isEqualTo(out);
  }

  @Test
  void declaredTypesEqualTheTemplateInterface() throws Exception {
    TaskTemplate tt = GoldenFixtures.template(GoldenFixtures.echo().resolve("template.pb"));
    tt.getInterface().getInputs().getVariablesMap().forEach((k, v) -> {
      LiteralType ours = ENGINE.toLiteralType(GoldenFixtures.INPUT_TYPES.get(k));
      if (k.equals("rec")) {
        // Deliberate difference: Python's `origin: Point = field(default_factory=...)` has a default, so it is
        // not "required"; a Java record component has no default, so ours lists it. Everything else is equal.
        assertThat(requiredOf(ours)).containsExactly("name", "values", "matrix", "origin");
        assertThat(requiredOf(v.getType())).containsExactly("name", "values", "matrix");
        ours = withRequired(ours, List.of("name", "values", "matrix"));
      }
      assertThat(ours).as(k).isEqualTo(v.getType());
    });
  }

  private static List<String> requiredOf(LiteralType t) {
    return t.getMetadata().getFieldsOrThrow("required").getListValue().getValuesList().stream()
        .map(com.google.protobuf.Value::getStringValue).toList();
  }

  private static LiteralType withRequired(LiteralType t, List<String> names) {
    com.google.protobuf.ListValue.Builder l = com.google.protobuf.ListValue.newBuilder();
    names.forEach(n -> l.addValues(com.google.protobuf.Value.newBuilder().setStringValue(n)));
    return t.toBuilder().setMetadata(t.getMetadata().toBuilder().putFields("required",
        com.google.protobuf.Value.newBuilder().setListValue(l).build())).build();
  }

  @Test
  void addOneAndSqliteInputsDecode() throws Exception {
    FlyteContext ctx = GoldenFixtures.context(tmp);
    Path g = GoldenFixtures.golden();
    TaskTemplate addOne = GoldenFixtures.template(g.resolve("add_one_task.task_template.pb"));
    Map<String, Type> guessed = ENGINE.guessJavaTypes(addOne.getInterface().getInputs().getVariablesMap());
    assertThat(ENGINE.toJavaMap(ctx, "input", GoldenFixtures.literalMap(g.resolve("exec_add_one/inputs.pb")), guessed))
        .containsExactlyEntriesOf(Map.of("x", 41L));
    assertThat(ENGINE.toJavaMap(ctx, "output", GoldenFixtures.literalMap(g.resolve("exec_add_one/outputs.pb")), null))
        .containsExactlyEntriesOf(Map.of("o0", 42L));

    TaskTemplate sql = GoldenFixtures.template(g.resolve("sqlite3_task.task_template.pb"));
    Map<String, Type> sqlIn = ENGINE.guessJavaTypes(sql.getInterface().getInputs().getVariablesMap());
    assertThat(sqlIn).containsExactlyEntriesOf(Map.of("limit", Long.class));
    assertThat(ENGINE.toJavaMap(ctx, "input", GoldenFixtures.literalMap(g.resolve("exec_sqlite3/inputs.pb")), sqlIn))
        .containsExactlyEntriesOf(Map.of("limit", 3L));
  }

  @Test
  void sqliteSchemaOutputIsGuessedAsDatasetAndWrittenAsFlytekitDid() throws Exception {
    FlyteContext ctx = GoldenFixtures.context(tmp);
    Path g = GoldenFixtures.golden();
    TaskTemplate sql = GoldenFixtures.template(g.resolve("sqlite3_task.task_template.pb"));
    LiteralType results = sql.getInterface().getOutputs().getVariablesOrThrow("results").getType();
    assertThat(ENGINE.guessJavaType(results)).isEqualTo(StructuredDataset.class);
    assertThat(StructuredDataset.columnsOf(results)).extracting(StructuredDataset.Column::name)
        .containsExactly("TrackId", "Name");
    assertThat(StructuredDataset.columnsOf(results).get(0).type().getSimple())
        .isEqualTo(flyteidl.core.Types.SimpleType.INTEGER);
    LiteralMap golden = GoldenFixtures.literalMap(g.resolve("exec_sqlite3/outputs.pb"));
    StructuredDataset sd = ENGINE.toJava(ctx, golden.getLiteralsOrThrow("results"), StructuredDataset.class);
    assertThat(sd.uri()).isEqualTo("raw/af5fc400a6fb96fc027eee1fbce0145e");
    assertThat(sd.fileFormat()).isEqualTo("parquet");
    StructuredDataset written = StructuredDataset.of(sd.uri()).withColumns(StructuredDataset.columnsOf(results));
    LiteralMap ours = ENGINE.toLiteralMap(ctx, "output", Map.of("results", written), Map.of(),
        Map.of("results", results));
    assertThat(ours).isEqualTo(golden);
    assertThat(ours.toByteArray()).isEqualTo(golden.toByteArray());
  }
}
