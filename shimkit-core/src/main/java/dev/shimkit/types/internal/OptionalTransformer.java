package dev.shimkit.types.internal;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.errors.FlyteTypeException;
import dev.shimkit.types.TypeEngine;
import dev.shimkit.types.TypeTransformer;
import dev.shimkit.types.Types;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import flyteidl.core.Types.UnionType;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * {@code Optional<T>} ↔ a union of T and NONE, as flytekit writes {@code typing.Optional[T]}: variants tagged
 * with the transformer names (e.g. "int" and "none"), literal {@code scalar.union{value, type}}. Guessing: a
 * union of exactly one type and NONE becomes {@code Optional<guess>}; any other union becomes {@code Object}
 * (the value is then read by its literal's shape).
 */
public final class OptionalTransformer implements TypeTransformer<Optional<?>> {
  static final LiteralType NONE_VARIANT = LiteralTypes.tagged(LiteralTypes.simple(SimpleType.NONE), "none");

  @Override
  public String name() {
    return "Typed Union";
  }

  @Override
  public boolean handles(Type javaType) {
    return Types.rawClass(javaType) == Optional.class;
  }

  @Override
  public LiteralType toLiteralType(Type javaType, TypeEngine engine) {
    Type inner = Types.argument(javaType, 0);
    LiteralType innerType = engine.toLiteralType(inner);
    return LiteralType.newBuilder().setUnionType(UnionType.newBuilder()
        .addVariants(LiteralTypes.tagged(innerType, engine.transformerFor(inner).name()))
        .addVariants(NONE_VARIANT)).build();
  }

  @Override
  public Literal toLiteral(FlyteContext ctx, Optional<?> value, Type javaType, LiteralType expected,
      TypeEngine engine) {
    if (!expected.hasUnionType()) {
      // declared optional, but the interface wants a plain type: an empty value cannot be written
      if (value.isEmpty()) {
        throw new FlyteTypeException("expected " + LiteralTypes.describe(expected) + " (java "
            + javaType.getTypeName() + "), got an empty Optional");
      }
      return engine.toLiteral(ctx, value.get(), Types.argument(javaType, 0), expected);
    }
    return engine.toUnionLiteral(ctx, value.orElse(null), Types.argument(javaType, 0), expected);
  }

  @Override
  public Optional<?> toJava(FlyteContext ctx, Literal literal, Type javaType, TypeEngine engine) {
    Literal inner = literal;
    while (Lits.isUnion(inner)) {
      inner = inner.getScalar().getUnion().getValue();
    }
    if (Lits.isNone(inner)) {
      return Optional.empty();
    }
    return Optional.ofNullable(engine.toJava(ctx, inner, Types.argument(javaType, 0)));
  }

  @Override
  public Optional<Type> guessJavaType(LiteralType lt, TypeEngine engine) {
    if (!lt.hasUnionType()) {
      return Optional.empty();
    }
    LiteralType other = null;
    int others = 0;
    boolean hasNone = false;
    for (LiteralType v : lt.getUnionType().getVariantsList()) {
      if (LiteralTypes.isNone(v)) {
        hasNone = true;
      } else {
        other = v;
        others++;
      }
    }
    if (hasNone && others == 1) {
      return Optional.of(Types.optionalOf(engine.guessJavaType(other)));
    }
    return Optional.of(Object.class);
  }
}
