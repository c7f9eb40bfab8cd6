package dev.shimkit.types.internal;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.errors.FlyteTypeException;
import dev.shimkit.types.FlyteEnum;
import dev.shimkit.types.TypeEngine;
import dev.shimkit.types.TypeTransformer;
import dev.shimkit.types.Types;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Types.EnumType;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Java enums ↔ {@code enum_type}, the literal being the constant's value as a plain string (flytekit writes
 * a Python Enum's value). A constant's value is {@link FlyteEnum#flyteValue()} when the enum implements it,
 * else its {@code toString()} (its name unless overridden). Guess: {@code enum_type} → {@code String}, since
 * the original enum class is unknown.
 */
public final class EnumTransformer implements TypeTransformer<Enum<?>> {
  @Override
  public String name() {
    return "DefaultEnumTransformer";
  }

  @Override
  public boolean handles(Type javaType) {
    Class<?> raw = Types.rawClass(javaType);
    return Enum.class.isAssignableFrom(raw) && raw != Enum.class;
  }

  @Override
  public LiteralType toLiteralType(Type javaType, TypeEngine engine) {
    return LiteralType.newBuilder().setEnumType(EnumType.newBuilder().addAllValues(values(enumClass(javaType))))
        .build();
  }

  @Override
  public Literal toLiteral(FlyteContext ctx, Enum<?> value, Type javaType, LiteralType expected, TypeEngine engine) {
    String v = valueOf(value);
    boolean ok = expected.hasEnumType() ? expected.getEnumType().getValuesList().contains(v)
        : LiteralTypes.isSimple(expected, SimpleType.STRING);
    if (!ok) {
      throw LiteralTypes.mismatch(expected, javaType, value);
    }
    return Lits.ofString(v);
  }

  @Override
  public Enum<?> toJava(FlyteContext ctx, Literal literal, Type javaType, TypeEngine engine) {
    Primitive p = Lits.primitiveOrNull(literal);
    if (p == null || p.getValueCase() != Primitive.ValueCase.STRING_VALUE) {
      throw LiteralTypes.badLiteral("an enum value (string)", javaType, literal);
    }
    return constantOf(enumClass(javaType), p.getStringValue());
  }

  @Override
  public Optional<Type> guessJavaType(LiteralType lt, TypeEngine engine) {
    return lt.hasEnumType() ? Optional.of(String.class) : Optional.empty();
  }

  /** The string Flyte sees for {@code e}. */
  public static String valueOf(Enum<?> e) {
    return e instanceof FlyteEnum f ? f.flyteValue() : e.toString();
  }

  /** The constant of {@code enumClass} whose value is {@code value}. */
  public static Enum<?> constantOf(Class<?> enumClass, String value) {
    Class<?> c = enumClass.isEnum() ? enumClass : enumClass.getSuperclass();
    for (Object o : c.getEnumConstants()) {
      if (valueOf((Enum<?>) o).equals(value)) {
        return (Enum<?>) o;
      }
    }
    throw new FlyteTypeException("\"" + value + "\" is not a value of enum " + c.getName() + "; values are "
        + values(c));
  }

  private static List<String> values(Class<?> c) {
    List<String> out = new ArrayList<>();
    for (Object o : c.getEnumConstants()) {
      out.add(valueOf((Enum<?>) o));
    }
    return out;
  }

  private static Class<?> enumClass(Type t) {
    Class<?> raw = Types.rawClass(t);
    return raw.isEnum() ? raw : raw.getSuperclass();
  }
}
