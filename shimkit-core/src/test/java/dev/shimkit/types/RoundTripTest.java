package dev.shimkit.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shimkit.context.FlyteContext;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java value → literal → protobuf bytes → literal → Java value gives the value back, for every built-in. */
class RoundTripTest {
  private final TypeEngine engine = TypeEngine.get();
  @TempDir
  Path tmp;
  private FlyteContext ctx;

  enum Plain { ALPHA, BETA }

  record Inner(Optional<Long> maybe, Map<String, List<Double>> series) {
  }

  record Outer(String label, List<Inner> inners, Optional<Inner> extra, Plain kind, Instant at, Duration took,
      Map<String, Object> free) {
  }

  /** A POJO (not a record): fields in declaration order, no-arg constructor. */
  static final class Pojo {
    private long id;
    private String text;

    Pojo() {
    }

    Pojo(long id, String text) {
      this.id = id;
      this.text = text;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Pojo p && p.id == id && p.text.equals(text);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(id);
    }
  }

  @BeforeEach
  void setUp() {
    ctx = GoldenFixtures.context(tmp);
  }

  private Object roundTrip(Object value, Type type) throws Exception {
    Literal lit = engine.toLiteral(ctx, value, type, null);
    Literal reparsed = Literal.parseFrom(lit.toByteArray());
    assertThat(reparsed).isEqualTo(lit);
    return engine.toJava(ctx, reparsed, type);
  }

  private void assertRoundTrip(Object value, Type type) throws Exception {
    assertThat(roundTrip(value, type)).as(type.getTypeName() + " " + value).isEqualTo(value);
  }

  @Test
  void integers() throws Exception {
    for (long v : new long[] {0, 1, -1, 127, 128, -32, -33, 255, 65536, Long.MIN_VALUE, Long.MAX_VALUE}) {
      assertRoundTrip(v, long.class);
      assertRoundTrip(v, Long.class);
    }
    assertRoundTrip(Integer.MIN_VALUE, int.class);
    assertRoundTrip(Integer.MAX_VALUE, Integer.class);
    assertRoundTrip((short) -7, short.class);
  }

  @Test
  void floatsIncludingNanAndInfinities() throws Exception {
    for (double v : new double[] {0.0, -0.0, 1.5, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      assertRoundTrip(v, double.class);
    }
    assertRoundTrip(2.5f, float.class);
  }

  @Test
  void stringsBooleansBytes() throws Exception {
    assertRoundTrip("", String.class);
    assertRoundTrip("héllo, wörld 😀 — 日本語", String.class);
    assertRoundTrip(true, boolean.class);
    assertRoundTrip(Boolean.FALSE, Boolean.class);
    byte[] bytes = {0, 1, (byte) 0xff};
    assertThat((byte[]) roundTrip(bytes, byte[].class)).isEqualTo(bytes);
  }

  @Test
  void instantsKeepNanosecondsAndExtremes() throws Exception {
    for (Instant i : List.of(Instant.EPOCH, Instant.parse("2024-01-15T10:30:45.123456789Z"),
        Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
        Instant.parse("1969-12-31T23:59:59.5Z"), Instant.MIN, Instant.MAX)) {
      assertRoundTrip(i, Instant.class);
    }
  }

  @Test
  void durationsIncludingNegative() throws Exception {
    for (Duration d : List.of(Duration.ZERO, Duration.ofNanos(1), Duration.ofMillis(-1500), Duration.ofDays(-3),
        Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), Duration.ofSeconds(-315_576_000_000L))) {
      assertRoundTrip(d, Duration.class);
    }
    // protobuf requires seconds and nanos of one sign
    Literal l = engine.toLiteral(ctx, Duration.ofMillis(-1500), Duration.class, null);
    assertThat(l.getScalar().getPrimitive().getDuration().getSeconds()).isEqualTo(-1);
    assertThat(l.getScalar().getPrimitive().getDuration().getNanos()).isEqualTo(-500_000_000);
  }

  @Test
  void collectionsAndMaps() throws Exception {
    assertRoundTrip(List.of(), Types.listOf(Long.class));
    assertRoundTrip(Map.of(), Types.mapOf(String.class));
    assertRoundTrip(List.of(List.of(1L), List.of(), List.of(2L, 3L)), Types.listOf(Types.listOf(Long.class)));
    Map<String, List<Long>> mapOfLists = new LinkedHashMap<>();
    mapOfLists.put("a", List.of(1L, 2L));
    mapOfLists.put("é", List.of());
    assertRoundTrip(mapOfLists, Types.mapOf(Types.listOf(Long.class)));
    assertRoundTrip(List.of(Map.of("k", true)), Types.listOf(Types.mapOf(Boolean.class)));
    assertRoundTrip(Arrays.asList(Optional.of(1L), Optional.empty()), Types.listOf(Types.optionalOf(Long.class)));
  }

  @Test
  void optionalAndNullableBoxed() throws Exception {
    assertRoundTrip(Optional.empty(), Types.optionalOf(String.class));
    assertRoundTrip(Optional.of("x"), Types.optionalOf(String.class));
    assertRoundTrip(Optional.of(List.of(1L)), Types.optionalOf(Types.listOf(Long.class)));
    LiteralType optLong = engine.toLiteralType(Types.optionalOf(Long.class));
    Literal none = engine.toLiteral(ctx, null, Long.class, optLong);
    assertThat(none.getScalar().getUnion().getValue().getScalar().hasNoneType()).isTrue();
    assertThat((Long) engine.toJava(ctx, none, Long.class)).isNull();
    Literal seven = engine.toLiteral(ctx, 7L, Long.class, optLong);
    assertThat(seven.getScalar().getUnion().getType().getStructure().getTag()).isEqualTo("int");
    assertThat((Long) engine.toJava(ctx, seven, Long.class)).isEqualTo(7L);
  }

  @Test
  void enumsUseNameUnlessFlyteEnum() throws Exception {
    assertRoundTrip(Plain.BETA, Plain.class);
    assertThat(engine.toLiteralType(Plain.class).getEnumType().getValuesList()).containsExactly("ALPHA", "BETA");
    assertThat(engine.toLiteral(ctx, GoldenFixtures.Color.RED, GoldenFixtures.Color.class, null).getScalar()
        .getPrimitive().getStringValue()).isEqualTo("red");
  }

  @Test
  void nestedRecordsWithOptionalFieldsListsMapsAndUntypedMaps() throws Exception {
    Map<String, Object> free = new LinkedHashMap<>();
    free.put("n", 3L);
    free.put("list", List.of("a", 1.5, false));
    free.put("nil", null);
    Map<String, List<Double>> series = Map.of("s", List.of(Double.NaN, Double.NEGATIVE_INFINITY));
    Outer o = new Outer("lbl", List.of(new Inner(Optional.of(Long.MIN_VALUE), series),
        new Inner(Optional.empty(), Map.of())), Optional.of(new Inner(Optional.empty(), Map.of())), Plain.ALPHA,
        Instant.parse("2024-02-29T23:59:59.000000001Z"), Duration.ofMillis(2500), free);
    assertRoundTrip(o, Outer.class);
    assertRoundTrip(List.of(o, o), Types.listOf(Outer.class));
    assertRoundTrip(Optional.of(o), Types.optionalOf(Outer.class));
    assertRoundTrip(new Pojo(9, "pojo"), Pojo.class);
    assertThat(engine.toLiteralType(Pojo.class).getStructure().getDataclassTypeMap()).containsOnlyKeys("id", "text");
  }

  @Test
  void untypedMapIsMsgpackStructAndGuessedBack() throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", 1L);
    m.put("b", List.of(2.5, "x"));
    m.put("c", Map.of("d", true));
    Type t = Types.mapOf(Object.class);
    Literal l = engine.toLiteral(ctx, m, t, null);
    assertThat(l.getScalar().getBinary().getTag()).isEqualTo("msgpack");
    assertThat((Object) engine.toJava(ctx, l, t)).isEqualTo(m);
    assertThat(engine.guessJavaType(engine.toLiteralType(t))).isEqualTo(t);
  }

  @Test
  void valuesDeclaredAsObjectUseRuntimeClassAndExpectedType() throws Exception {
    LiteralType listInt = engine.toLiteralType(Types.listOf(Long.class));
    List<Object> raw = new ArrayList<>(List.of(1L, 2L));
    Literal l = engine.toLiteral(ctx, raw, Object.class, listInt);
    assertThat(l).isEqualTo(engine.toLiteral(ctx, List.of(1L, 2L), Types.listOf(Long.class), null));
    assertThat((Object) engine.toJava(ctx, l, Object.class)).isEqualTo(List.of(1L, 2L));
    assertThat(engine.toLiteral(ctx, 5, Object.class, null).getScalar().getPrimitive().getInteger()).isEqualTo(5);
    assertThat((Object) engine.toJava(ctx, engine.toLiteral(ctx, Instant.EPOCH, Object.class, null), Object.class))
        .isEqualTo(Instant.EPOCH);
  }

  @Test
  void literalsPassThrough() {
    Literal l = engine.toLiteral(ctx, 1L, long.class, null);
    assertThat(engine.toLiteral(ctx, l, String.class, null)).isSameAs(l);
    assertThat((Literal) engine.toJava(ctx, l, Literal.class)).isSameAs(l);
    flyteidl.core.Literals.LiteralMap m = flyteidl.core.Literals.LiteralMap.newBuilder().putLiterals("a", l).build();
    assertThat(engine.toLiteral(ctx, m, Object.class, null).getMap()).isEqualTo(m);
  }

  @Test
  void oldJsonStructFormIsRead() throws Exception {
    com.google.protobuf.Struct.Builder s = com.google.protobuf.Struct.newBuilder();
    com.google.protobuf.util.JsonFormat.parser().merge("{\"x\": 5, \"y\": 6.5}", s);
    Literal l = Literal.newBuilder().setScalar(flyteidl.core.Literals.Scalar.newBuilder().setGeneric(s)).build();
    assertThat((Object) engine.toJava(ctx, l, GoldenFixtures.Point.class)).isEqualTo(new GoldenFixtures.Point(5, 6.5));
    assertThat((Object) engine.toJava(ctx, l, Types.mapOf(Object.class))).isEqualTo(Map.of("x", 5.0, "y", 6.5));
  }
}
