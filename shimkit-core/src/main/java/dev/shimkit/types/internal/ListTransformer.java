package dev.shimkit.types.internal;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.errors.FlyteTypeException;
import dev.shimkit.types.TypeEngine;
import dev.shimkit.types.TypeTransformer;
import dev.shimkit.types.Types;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralCollection;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code List<T>} ↔ {@code collection}. The element transformer is resolved once per list, so a long list
 * costs one literal per element and no per-element lookups; lists of Long, Integer, Double, Boolean and String
 * take {@link PrimitiveLists}' fast path. Reading gives a mutable {@link ArrayList}.
 * Guess: {@code collection<X>} → {@code List<guess(X)>}.
 */
public final class ListTransformer implements TypeTransformer<List<?>> {
  @Override
  public String name() {
    return "Typed List";
  }

  @Override
  public boolean handles(Type javaType) {
    Class<?> raw = Types.rawClass(javaType);
    return List.class.isAssignableFrom(raw) && (raw.isInterface() || javaType instanceof Class<?>
        || raw.getTypeParameters().length == 1);
  }

  @Override
  public LiteralType toLiteralType(Type javaType, TypeEngine engine) {
    return LiteralType.newBuilder().setCollectionType(engine.toLiteralType(Types.argument(javaType, 0))).build();
  }

  @Override
  public Literal toLiteral(FlyteContext ctx, List<?> value, Type javaType, LiteralType expected, TypeEngine engine) {
    if (!expected.hasCollectionType()) {
      throw LiteralTypes.mismatch(expected, javaType, value);
    }
    Type elemType = Types.argument(javaType, 0);
    LiteralType elemExpected = expected.getCollectionType();
    PrimitiveLists.Kind kind = PrimitiveLists.kindOfElement(engine, elemType, elemExpected);
    if (kind != null) {
      Literal fast = PrimitiveLists.toLiteral(kind, value);
      if (fast != null) {
        return fast;
      }
    }
    TypeEngine.Converter conv = engine.converterFor(elemType, elemExpected);
    LiteralCollection.Builder b = LiteralCollection.newBuilder();
    int i = 0;
    for (Object v : value) {
      try {
        b.addLiterals(conv.toLiteral(ctx, v));
      } catch (FlyteTypeException e) {
        throw new FlyteTypeException("element [" + i + "]: " + e.getMessage(), e);
      }
      i++;
    }
    return Literal.newBuilder().setCollection(b).build();
  }

  @Override
  public List<?> toJava(FlyteContext ctx, Literal literal, Type javaType, TypeEngine engine) {
    if (!literal.hasCollection()) {
      throw LiteralTypes.badLiteral("a collection", javaType, literal);
    }
    Type elemType = Types.argument(javaType, 0);
    PrimitiveLists.Kind kind = PrimitiveLists.kindOfList(engine, javaType);
    if (kind != null) {
      List<Object> fast = PrimitiveLists.toJava(kind, literal.getCollection());
      if (fast != null) {
        return fast;
      }
    }
    List<Literal> in = literal.getCollection().getLiteralsList();
    List<Object> out = new ArrayList<>(in.size());
    TypeEngine.Converter conv = engine.converterFor(elemType, null);
    for (int i = 0; i < in.size(); i++) {
      try {
        out.add(conv.toJava(ctx, in.get(i)));
      } catch (FlyteTypeException e) {
        throw new FlyteTypeException("element [" + i + "]: " + e.getMessage(), e);
      }
    }
    return out;
  }

  @Override
  public Optional<Type> guessJavaType(LiteralType lt, TypeEngine engine) {
    return lt.hasCollectionType() ? Optional.of(Types.listOf(engine.guessJavaType(lt.getCollectionType())))
        : Optional.empty();
  }
}
