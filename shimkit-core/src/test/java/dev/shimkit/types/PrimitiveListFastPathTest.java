package dev.shimkit.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.errors.FlyteTypeException;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralCollection;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Types.LiteralType;
import dev.shimkit.types.internal.LiteralTypes;
import flyteidl.core.Types.SimpleType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast path for lists of primitives (in {@code toLiteral}/{@code toJava} and in the byte-level
 * {@code toLiteralMapBytes}/{@code toJavaMap(bytes)}) gives the general path's bytes, values and errors:
 * compared with literals built element by element as the transformers build them, with the general path
 * reached through {@code List<Object>}, and with flytekit's golden literals.
 */
class PrimitiveListFastPathTest {
  private static final TypeEngine ENGINE = TypeEngine.get();
  @TempDir
  Path tmp;

  private static Literal element(Primitive p) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(p)).build();
  }

  /** The collection literal as the general path builds it: one Literal{Scalar{Primitive}} per element. */
  private static Literal byHand(List<?> values) {
    LiteralCollection.Builder c = LiteralCollection.newBuilder();
    for (Object v : values) {
      Primitive.Builder p = Primitive.newBuilder();
      if (v instanceof Long l) {
        p.setInteger(l);
      } else if (v instanceof Integer i) {
        p.setInteger(i);
      } else if (v instanceof Double d) {
        p.setFloatValue(d);
      } else if (v instanceof Boolean b) {
        p.setBoolean(b);
      } else {
        p.setStringValue((String) v);
      }
      c.addLiterals(element(p.build()));
    }
    return Literal.newBuilder().setCollection(c).build();
  }

  private static final Map<Class<?>, List<?>> EDGES = Map.of(
      Long.class, List.of(0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE, 127L, 128L, -500_000L),
      Integer.class, List.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 300),
      Double.class, List.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
          Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, -2.5),
      Boolean.class, List.of(true, false, false),
      String.class, List.of("", "a", "héllo, wörld 😀", "x".repeat(300), "\u0000"));

  @Test
  void edgeValuesGiveTheGeneralPathsBytesAndComeBack() throws Exception {
    FlyteContext ctx = GoldenFixtures.context(tmp);
    for (Map.Entry<Class<?>, List<?>> e : EDGES.entrySet()) {
      for (List<?> values : List.of(e.getValue(), List.of())) {
        Type type = Types.listOf(e.getKey());
        Literal fast = ENGINE.toLiteral(ctx, values, type, null);
        LiteralType declared = ENGINE.toLiteralType(type);
        Literal general = ENGINE.toLiteral(ctx, values, Types.listOf(Object.class), declared);
        assertThat(fast.toByteArray()).as("%s %s", e.getKey(), values).isEqualTo(byHand(values).toByteArray())
            .isEqualTo(general.toByteArray());

        Map<String, Object> named = new LinkedHashMap<>();
        named.put("first", 7L);
        named.put("values", values);
        named.put("last", "end");
        Map<String, Type> types = Map.of("first", long.class, "values", type, "last", String.class);
        byte[] mapBytes = ENGINE.toLiteralMap(ctx, "output", named, types, null).toByteArray();
        assertThat(ENGINE.toLiteralMapBytes(ctx, "output", named, types, null)).isEqualTo(mapBytes);
        assertThat(ENGINE.toLiteralMapBytes(ctx, "output", named, types,
            Map.of("first", LiteralTypes.simple(SimpleType.INTEGER), "values", declared, "last",
                LiteralTypes.simple(SimpleType.STRING)))).isEqualTo(mapBytes);

        Map<String, Object> viaBytes = ENGINE.toJavaMap(ctx, "input", mapBytes, types);
        Map<String, Object> viaMessages = ENGINE.toJavaMap(ctx, "input", LiteralMap.parseFrom(mapBytes), types);
        assertThat(viaBytes).isEqualTo(viaMessages).isEqualTo(named);
        assertThat(List.copyOf(viaBytes.keySet())).containsExactly("first", "values", "last");
        assertThat((List<?>) ENGINE.toJava(ctx, Literal.parseFrom(fast.toByteArray()), type)).isEqualTo(values);
      }
    }
  }

  @Test
  void listsTheFastPathDoesNotTakeFallBackToTheGeneralPathsResultOrError() throws Exception {
    FlyteContext ctx = GoldenFixtures.context(tmp);
    Type longs = Types.listOf(Long.class);
    List<Long> withNull = Arrays.asList(1L, null, 3L);
    String error = null;
    try {
      ENGINE.toLiteralMap(ctx, "output", Map.of("v", withNull), Map.of("v", longs), null);
    } catch (FlyteTypeException e) {
      error = e.getMessage();
    }
    assertThat(error).contains("element [1]");
    assertThatThrownBy(() -> ENGINE.toLiteralMapBytes(ctx, "output", Map.of("v", withNull), Map.of("v", longs), null))
        .isInstanceOf(FlyteTypeException.class).hasMessage(error);

    // a Long list written as FLOATs (declared type says so) takes the general path's conversion
    LiteralType floats = LiteralType.newBuilder().setCollectionType(LiteralTypes.simple(SimpleType.FLOAT)).build();
    Map<String, Object> v = Map.of("v", List.of(1L, 2L));
    assertThat(ENGINE.toLiteralMapBytes(ctx, "output", v, Map.of("v", longs), Map.of("v", floats)))
        .isEqualTo(ENGINE.toLiteralMap(ctx, "output", v, Map.of("v", longs), Map.of("v", floats)).toByteArray());

    // elements that are not plain primitives of the kind: a union-wrapped one, one with a hash, ints for doubles
    Literal union = ENGINE.toLiteral(ctx, Optional.of(5L), Types.optionalOf(Long.class), null);
    Literal hashed = element(Primitive.newBuilder().setInteger(6).build()).toBuilder().setHash("h").build();
    Literal odd = Literal.newBuilder().setCollection(LiteralCollection.newBuilder()
        .addLiterals(element(Primitive.newBuilder().setInteger(4).build())).addLiterals(union).addLiterals(hashed))
        .build();
    byte[] oddMap = LiteralMap.newBuilder().putLiterals("v", odd).build().toByteArray();
    assertThat(ENGINE.toJavaMap(ctx, "input", oddMap, Map.of("v", longs))).containsEntry("v", List.of(4L, 5L, 6L));
    assertThat(ENGINE.toJavaMap(ctx, "input", oddMap, Map.of("v", Types.listOf(Double.class))))
        .containsEntry("v", List.of(4.0, 5.0, 6.0));
    assertThat((List<?>) ENGINE.toJava(ctx, odd, longs)).isEqualTo(List.of(4L, 5L, 6L));

    // an integer too big for Integer, and a string where a Long belongs: the general path's errors
    byte[] big = LiteralMap.newBuilder().putLiterals("v", byHand(List.of(1L, 1L << 40))).build().toByteArray();
    assertThatThrownBy(() -> ENGINE.toJavaMap(ctx, "input", big, Map.of("v", Types.listOf(Integer.class))))
        .isInstanceOf(FlyteTypeException.class).hasMessageContaining("element [1]")
        .hasMessageContaining("does not fit java java.lang.Integer");
    byte[] text = LiteralMap.newBuilder().putLiterals("v", byHand(List.of("x"))).build().toByteArray();
    assertThatThrownBy(() -> ENGINE.toJavaMap(ctx, "input", text, Map.of("v", longs)))
        .isInstanceOf(FlyteTypeException.class).hasMessageStartingWith("input 'v': element [0]");

    // missing names: Optional.empty() or an error naming what is there, as toJavaMap(LiteralMap) does
    byte[] one = ENGINE.toLiteralMapBytes(ctx, "output", Map.of("a", List.of(1L)), Map.of("a", longs), null);
    assertThat(ENGINE.toJavaMap(ctx, "input", one, Map.of("a", longs, "b", Types.optionalOf(Long.class))))
        .containsEntry("b", Optional.empty());
    assertThatThrownBy(() -> ENGINE.toJavaMap(ctx, "input", one, Map.of("a", longs, "c", long.class)))
        .hasMessage("input 'c': missing; the literal map has [a]");
    assertThatThrownBy(() -> ENGINE.toJavaMap(ctx, "input", new byte[] {10, 5, 1}, Map.of("a", longs)))
        .isInstanceOf(FlyteTypeException.class).hasMessageContaining("not a serialized LiteralMap");
  }

  @Test
  void goldenInputsReadFromBytesAsFromMessagesAndWriteTheSameBytes() throws Exception {
    FlyteContext ctx = GoldenFixtures.context(tmp);
    byte[] golden = GoldenFixtures.bytes(GoldenFixtures.echo().resolve("inputs.pb"));
    Map<String, Object> viaBytes = ENGINE.toJavaMap(ctx, "input", golden, GoldenFixtures.INPUT_TYPES);
    Map<String, Object> viaMessages = ENGINE.toJavaMap(ctx, "input", LiteralMap.parseFrom(golden),
        GoldenFixtures.INPUT_TYPES);
    assertThat(viaBytes).isEqualTo(viaMessages);
    assertThat(viaBytes.get("li")).isEqualTo(List.of(1L, -2L, 3L, 0L, Long.MAX_VALUE));

    TaskTemplate tt = GoldenFixtures.template(GoldenFixtures.echo().resolve("template.pb"));
    Map<String, LiteralType> types = new LinkedHashMap<>();
    tt.getInterface().getInputs().getVariablesMap().forEach((k, v) -> types.put(k, v.getType()));
    byte[] written = ENGINE.toLiteralMapBytes(ctx, "input", viaBytes, GoldenFixtures.INPUT_TYPES, types);
    assertThat(written).isEqualTo(ENGINE.toLiteralMap(ctx, "input", viaBytes, GoldenFixtures.INPUT_TYPES, types)
        .toByteArray());
    assertThat(LiteralMap.parseFrom(written)).isEqualTo(LiteralMap.parseFrom(golden));
    assertThat(LiteralMap.parseFrom(written).getLiteralsOrThrow("li").toByteString())
        .isEqualTo(LiteralMap.parseFrom(golden).getLiteralsOrThrow("li").toByteString());
  }

  @Test
  void aMillionLongsSurviveTheBytePath() {
    FlyteContext ctx = GoldenFixtures.context(tmp);
    List<Long> values = new ArrayList<>();
    for (long i = 0; i < 1_000_000; i++) {
      values.add(i * 7919 - 500_000);
    }
    Map<String, Type> types = Map.of("values", Types.listOf(Long.class));
    byte[] bytes = ENGINE.toLiteralMapBytes(ctx, "output", Map.of("values", values), types, null);
    assertThat(ByteString.copyFrom(bytes)).isEqualTo(
        ENGINE.toLiteralMap(ctx, "output", Map.of("values", values), types, null).toByteString());
    assertThat(ENGINE.toJavaMap(ctx, "input", bytes, types)).containsEntry("values", values);
  }
}
