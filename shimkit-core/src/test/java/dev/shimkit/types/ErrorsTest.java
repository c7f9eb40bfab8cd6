package dev.shimkit.types;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.errors.FlyteTypeException;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad values fail with a FlyteTypeException naming the variable, what was expected and what was found. */
class ErrorsTest {
  private final TypeEngine engine = TypeEngine.get();
  @TempDir
  Path tmp;
  private FlyteContext ctx;

  record Pair(long a, String b) {
  }

  @BeforeEach
  void setUp() {
    ctx = GoldenFixtures.context(tmp);
  }

  @Test
  void wrongValueTypeNamesVariableExpectedAndFound() {
    LiteralType integer = LiteralType.newBuilder().setSimple(SimpleType.INTEGER).build();
    assertThatThrownBy(() -> engine.toLiteralMap(ctx, "input", Map.of("limit", "abc"), Map.of("limit", long.class),
        Map.of("limit", integer))).isInstanceOf(FlyteTypeException.class)
        .hasMessage("input 'limit': expected INTEGER (java long), got java.lang.String \"abc\"");
  }

  @Test
  void nestedErrorsSayWhere() {
    assertThatThrownBy(() -> engine.toLiteral(ctx, "output 'xs'", Arrays.asList(1L, null), Types.listOf(Long.class),
        null)).isInstanceOf(FlyteTypeException.class)
        .hasMessageStartingWith("output 'xs': element [1]: expected INTEGER (java java.lang.Long), got null");
    assertThatThrownBy(() -> engine.toLiteral(ctx, "v", new Pair(1, null), Pair.class, null))
        .hasMessageContaining("v: field 'b' of Pair is null; declare it Optional");
  }

  @Test
  void nullWhereNotAllowed() {
    assertThatThrownBy(() -> engine.toLiteral(ctx, "input 'x'", null, long.class, null))
        .isInstanceOf(FlyteTypeException.class).hasMessageContaining("input 'x': expected INTEGER")
        .hasMessageContaining("got null");
  }

  @Test
  void enumValueOutsideTheDeclaredValues() {
    LiteralType rg = LiteralType.newBuilder().setEnumType(flyteidl.core.Types.EnumType.newBuilder()
        .addValues("red").addValues("green")).build();
    assertThatThrownBy(() -> engine.toLiteral(ctx, "input 'c'", GoldenFixtures.Color.BLUE,
        GoldenFixtures.Color.class, rg)).hasMessageContaining("expected enum[red, green]");
    assertThatThrownBy(() -> engine.toJava(ctx, "input 'c'", flyteidl.core.Literals.Literal.newBuilder()
        .setScalar(flyteidl.core.Literals.Scalar.newBuilder().setPrimitive(flyteidl.core.Literals.Primitive
            .newBuilder().setStringValue("pink"))).build(), GoldenFixtures.Color.class))
        .hasMessageContaining("\"pink\" is not a value of enum").hasMessageContaining("[red, green, blue]");
  }

  @Test
  void literalOfTheWrongShape() throws Exception {
    assertThatThrownBy(() -> engine.toJava(ctx, "input 'i'", GoldenFixtures.literal("s"), long.class))
        .isInstanceOf(FlyteTypeException.class)
        .hasMessage("input 'i': expected a literal holding INTEGER (java long), got primitive string_value");
    assertThatThrownBy(() -> engine.toJava(ctx, "input 'i'", engine.toLiteral(ctx, 300L, long.class, null),
        byte.class)).hasMessageContaining("integer 300").hasMessageContaining("does not fit java byte");
  }

  @Test
  void missingAndUndeclaredNames() throws Exception {
    var lm = GoldenFixtures.literalMap(GoldenFixtures.golden().resolve("exec_add_one/inputs.pb"));
    assertThatThrownBy(() -> engine.toJavaMap(ctx, "input", lm, Map.of("x", long.class, "y", long.class)))
        .hasMessageContaining("input 'y': missing");
    assertThatThrownBy(() -> engine.toLiteralMap(ctx, "output", Map.of("z", 1L), null,
        Map.of("o0", LiteralType.newBuilder().setSimple(SimpleType.INTEGER).build())))
        .hasMessageContaining("output 'z': not declared");
  }

  @Test
  void unsupportedJavaTypesAndUnionMisses() {
    assertThatThrownBy(() -> engine.toLiteralType(Thread.class)).isInstanceOf(FlyteTypeException.class)
        .hasMessageContaining("No type transformer for java java.lang.Thread");
    assertThatThrownBy(() -> engine.toLiteralType(Types.of(Map.class, Long.class, String.class)))
        .hasMessageContaining("String keys");
    LiteralType optInt = engine.toLiteralType(Types.optionalOf(Long.class));
    assertThatThrownBy(() -> engine.toLiteral(ctx, "input 'o'", "text", String.class, optInt))
        .hasMessageContaining("input 'o': expected union[INTEGER|NONE]").hasMessageContaining("no variant takes it");
    assertThatThrownBy(() -> engine.toLiteral(ctx, "input 'o'", Optional.empty(), Types.optionalOf(Long.class),
        LiteralType.newBuilder().setSimple(SimpleType.INTEGER).build())).hasMessageContaining("empty Optional");
    assertThatThrownBy(() -> engine.toLiteral(ctx, "x", List.of(1L), Types.listOf(Long.class),
        LiteralType.newBuilder().setSimple(SimpleType.STRING).build())).hasMessageContaining("expected STRING");
  }
}
