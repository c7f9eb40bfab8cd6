package dev.shimkit.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shimkit.context.FlyteContext;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User transformers (ServiceLoader or given) are asked before the built-ins and can override them. */
class TransformerSpiTest {
  @TempDir
  Path tmp;

  /** A record the built-in struct transformer would take; the test transformer writes it as a string. */
  public record Money(long cents, String currency) {
  }

  /** Registered in src/test/resources/META-INF/services. */
  public static class MoneyTransformer implements TypeTransformer<Money> {
    @Override
    public String name() {
      return "money";
    }

    @Override
    public boolean handles(Type javaType) {
      return javaType == Money.class;
    }

    @Override
    public LiteralType toLiteralType(Type javaType, TypeEngine engine) {
      return LiteralType.newBuilder().setSimple(SimpleType.STRING).build();
    }

    @Override
    public Literal toLiteral(FlyteContext ctx, Money value, Type javaType, LiteralType expected, TypeEngine engine) {
      return engine.toLiteral(ctx, value.cents() + " " + value.currency(), String.class, expected);
    }

    @Override
    public Money toJava(FlyteContext ctx, Literal literal, Type javaType, TypeEngine engine) {
      String[] parts = literal.getScalar().getPrimitive().getStringValue().split(" ");
      return new Money(Long.parseLong(parts[0]), parts[1]);
    }
  }

  /** Overrides the built-in STRING guess. */
  static final class CharSequenceGuess extends MoneyTransformer {
    @Override
    public boolean handles(Type javaType) {
      return false;
    }

    @Override
    public Optional<Type> guessJavaType(LiteralType lt, TypeEngine engine) {
      return lt.getSimple() == SimpleType.STRING ? Optional.of(CharSequence.class) : Optional.empty();
    }
  }

  @Test
  void serviceLoaderTransformerOverridesBuiltinStruct() {
    TypeEngine engine = TypeEngine.get();
    FlyteContext ctx = GoldenFixtures.context(tmp);
    assertThat(engine.toLiteralType(Money.class).getSimple()).isEqualTo(SimpleType.STRING);
    Literal l = engine.toLiteral(ctx, new Money(150, "EUR"), Money.class, null);
    assertThat(l.getScalar().getPrimitive().getStringValue()).isEqualTo("150 EUR");
    assertThat((Money) engine.toJava(ctx, l, Money.class)).isEqualTo(new Money(150, "EUR"));
    // inside containers too, and as an optional with its name as the union tag
    assertThat(engine.toLiteralType(Types.optionalOf(Money.class)).getUnionType().getVariants(0).getStructure()
        .getTag()).isEqualTo("money");
    assertThat((Object) engine.toJava(ctx, engine.toLiteral(ctx, List.of(new Money(1, "X")),
        Types.listOf(Money.class), null), Types.listOf(Money.class))).isEqualTo(List.of(new Money(1, "X")));
  }

  /** Same type as MoneyTransformer, different literal, higher priority. */
  static final class LoudMoney extends MoneyTransformer {
    @Override
    public Literal toLiteral(FlyteContext ctx, Money value, Type javaType, LiteralType expected, TypeEngine engine) {
      return engine.toLiteral(ctx, value.currency() + "!", String.class, expected);
    }

    @Override
    public int priority() {
      return 10;
    }
  }

  @Test
  void higherPriorityAndUserGuessesWin() {
    FlyteContext ctx = GoldenFixtures.context(tmp);
    TypeEngine byPriority = TypeEngine.withTransformers(List.of(new MoneyTransformer(), new LoudMoney()));
    assertThat(byPriority.toLiteral(ctx, new Money(1, "EUR"), Money.class, null).getScalar().getPrimitive()
        .getStringValue()).isEqualTo("EUR!");
    TypeEngine engine = TypeEngine.withTransformers(List.of(new CharSequenceGuess()));
    assertThat(engine.guessJavaType(LiteralType.newBuilder().setSimple(SimpleType.STRING).build()))
        .isEqualTo(CharSequence.class);
    assertThat(engine.guessJavaType(LiteralType.newBuilder().setSimple(SimpleType.INTEGER).build()))
        .isEqualTo(Long.class);
    // without ServiceLoader, Money is a plain record again
    assertThat(engine.toLiteralType(Money.class).getSimple()).isEqualTo(SimpleType.STRUCT);
  }
}
