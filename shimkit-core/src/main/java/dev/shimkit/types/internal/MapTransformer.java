package dev.shimkit.types.internal;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.errors.FlyteTypeException;
import dev.shimkit.types.TypeEngine;
import dev.shimkit.types.TypeTransformer;
import dev.shimkit.types.Types;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Map<String,T>} ↔ {@code map}; {@code Map<String,Object>} (or a raw {@code Map}) ↔ an untyped
 * STRUCT written as msgpack, like flytekit's plain {@code dict}. A typed map written for an expected STRUCT
 * is msgpack too. Guess: {@code map<X>} → {@code Map<String, guess(X)>}; STRUCT → {@code Map<String,Object>}
 * whose values are Long, Double, String, Boolean, null, byte[], List and Map (JSON-form structs give Double
 * for every number).
 */
public final class MapTransformer implements TypeTransformer<Map<?, ?>> {
  private static final LiteralType UNTYPED = LiteralType.newBuilder().setSimple(SimpleType.STRUCT)
      .setAnnotation(LiteralTypes.MSGPACK_ANNOTATION).build();

  @Override
  public String name() {
    return "Typed Dict";
  }

  @Override
  public boolean handles(Type javaType) {
    return Map.class.isAssignableFrom(Types.rawClass(javaType));
  }

  @Override
  public LiteralType toLiteralType(Type javaType, TypeEngine engine) {
    Type key = Types.argument(javaType, 0);
    Type value = Types.argument(javaType, 1);
    if (key != String.class && key != Object.class) {
      throw new FlyteTypeException("Flyte maps have String keys; java " + javaType.getTypeName()
          + " has " + key.getTypeName() + " keys");
    }
    return value == Object.class ? UNTYPED
        : LiteralType.newBuilder().setMapValueType(engine.toLiteralType(value)).build();
  }

  @Override
  public Literal toLiteral(FlyteContext ctx, Map<?, ?> value, Type javaType, LiteralType expected,
      TypeEngine engine) {
    if (LiteralTypes.isSimple(expected, SimpleType.STRUCT)) {
      return Lits.binary(MsgPackWriter.encode(StructTrees.toTree(ctx, value, javaType)), LiteralTypes.MSGPACK_TAG);
    }
    if (!expected.hasMapValueType()) {
      throw LiteralTypes.mismatch(expected, javaType, value);
    }
    TypeEngine.Converter conv = engine.converterFor(Types.argument(javaType, 1), expected.getMapValueType());
    LiteralMap.Builder b = LiteralMap.newBuilder();
    for (Map.Entry<?, ?> e : value.entrySet()) {
      if (!(e.getKey() instanceof String k)) {
        throw new FlyteTypeException("map keys must be strings, got " + Values.describe(e.getKey()));
      }
      try {
        b.putLiterals(k, conv.toLiteral(ctx, e.getValue()));
      } catch (FlyteTypeException ex) {
        throw new FlyteTypeException("key '" + k + "': " + ex.getMessage(), ex);
      }
    }
    return Literal.newBuilder().setMap(b).build();
  }

  @Override
  public Map<?, ?> toJava(FlyteContext ctx, Literal literal, Type javaType, TypeEngine engine) {
    if (literal.hasMap()) {
      TypeEngine.Converter conv = engine.converterFor(Types.argument(javaType, 1), null);
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, Literal> e : literal.getMap().getLiteralsMap().entrySet()) {
        try {
          out.put(e.getKey(), conv.toJava(ctx, e.getValue()));
        } catch (FlyteTypeException ex) {
          throw new FlyteTypeException("key '" + e.getKey() + "': " + ex.getMessage(), ex);
        }
      }
      return out;
    }
    return (Map<?, ?>) StructTrees.fromTree(ctx, treeOf(literal, javaType), javaType);
  }

  /** The tree inside a STRUCT literal: msgpack binary or the JSON {@code Struct} form. */
  static Object treeOf(Literal literal, Type javaType) {
    if (literal.hasScalar()) {
      Scalar s = literal.getScalar();
      if (s.hasBinary()) {
        String tag = s.getBinary().getTag();
        if (!tag.isEmpty() && !tag.equals(LiteralTypes.MSGPACK_TAG)) {
          throw new FlyteTypeException("binary literal tagged '" + tag + "' cannot be read as java "
              + javaType.getTypeName() + " (only msgpack is supported)");
        }
        try {
          return MsgPackReader.decode(s.getBinary().getValue().toByteArray());
        } catch (IllegalArgumentException e) {
          throw new FlyteTypeException("invalid msgpack for java " + javaType.getTypeName() + ": " + e.getMessage(), e);
        }
      }
      if (s.hasGeneric()) {
        return StructTrees.fromStruct(s.getGeneric());
      }
    }
    throw LiteralTypes.badLiteral("a STRUCT (msgpack binary or generic)", javaType, literal);
  }

  @Override
  public Optional<Type> guessJavaType(LiteralType lt, TypeEngine engine) {
    if (lt.hasMapValueType()) {
      return Optional.of(Types.mapOf(engine.guessJavaType(lt.getMapValueType())));
    }
    if (LiteralTypes.isSimple(lt, SimpleType.STRUCT)) {
      return Optional.of(Types.mapOf(Object.class));
    }
    return Optional.empty();
  }
}
