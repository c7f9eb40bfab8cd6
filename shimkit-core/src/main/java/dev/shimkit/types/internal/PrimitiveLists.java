package dev.shimkit.types.internal;

import dev.shimkit.types.TypeEngine;
import dev.shimkit.types.Types;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralCollection;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The fast path for lists of Long, Integer, Double, Boolean and String: the same literals as the general path
 * (one {@code Literal{Scalar{Primitive}}} per element, byte for byte), built with reused builders and read
 * without per-element dispatch. A list it cannot take as a whole (a null or foreign element, a literal of
 * another shape) gets {@code null} back, and the caller takes the general path, which gives the same values
 * or the same errors. Only when the built-in transformers handle both the list and its element type.
 */
public final class PrimitiveLists {
  /** The element kinds of the fast path. */
  public enum Kind {
    LONG(Long.class, SimpleType.INTEGER), INT(Integer.class, SimpleType.INTEGER), DOUBLE(Double.class, SimpleType.FLOAT),
    BOOL(Boolean.class, SimpleType.BOOLEAN), STRING(String.class, SimpleType.STRING);

    final Class<?> javaClass;
    final SimpleType simple;

    Kind(Class<?> javaClass, SimpleType simple) {
      this.javaClass = javaClass;
      this.simple = simple;
    }
  }

  private PrimitiveLists() {
  }

  /** The kind of a declared {@code List<E>} type, or null when the fast path does not apply to it. */
  public static Kind kindOfList(TypeEngine engine, Type listType) {
    if (Types.rawClass(listType) != List.class || !(listType instanceof java.lang.reflect.ParameterizedType)) {
      return null;
    }
    Type elem = Types.argument(listType, 0);
    for (Kind k : Kind.values()) {
      if (elem == k.javaClass) {
        return Builtins.isBuiltin(engine.transformerFor(listType)) && Builtins.isBuiltin(engine.transformerFor(elem))
            ? k : null;
      }
    }
    return null;
  }

  /** The kind for elements of {@code elemType} written as {@code elemExpected}, or null. */
  public static Kind kindOfElement(TypeEngine engine, Type elemType, LiteralType elemExpected) {
    for (Kind k : Kind.values()) {
      if (elemType == k.javaClass) {
        return elemExpected != null && LiteralTypes.isSimple(elemExpected, k.simple) && !elemExpected.hasEnumType()
            && Builtins.isBuiltin(engine.transformerFor(elemType)) ? k : null;
      }
    }
    return null;
  }

  /** {@code values} as a collection literal, or null when an element is not of the kind's class. */
  public static Literal toLiteral(Kind kind, List<?> values) {
    List<Literal> out = new ArrayList<>(values.size());
    Primitive.Builder p = Primitive.newBuilder();
    Scalar.Builder s = Scalar.newBuilder();
    Literal.Builder l = Literal.newBuilder();
    for (Object v : values) {
      if (v == null || v.getClass() != kind.javaClass) {
        return null;
      }
      switch (kind) {
        case LONG -> p.setInteger((Long) v);
        case INT -> p.setInteger((Integer) v);
        case DOUBLE -> p.setFloatValue((Double) v);
        case BOOL -> p.setBoolean((Boolean) v);
        case STRING -> p.setStringValue((String) v);
      }
      out.add(l.setScalar(s.setPrimitive(p.build()).build()).build());
    }
    return Literal.newBuilder().setCollection(LiteralCollection.newBuilder().addAllLiterals(out)).build();
  }

  /** The elements of {@code collection} as Java values, or null when one is not a primitive of the kind. */
  public static List<Object> toJava(Kind kind, LiteralCollection collection) {
    int n = collection.getLiteralsCount();
    List<Object> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Literal l = collection.getLiterals(i);
      if (l.getValueCase() != Literal.ValueCase.SCALAR || l.getScalar().getValueCase() != Scalar.ValueCase.PRIMITIVE) {
        return null;
      }
      Primitive p = l.getScalar().getPrimitive();
      Primitive.ValueCase c = p.getValueCase();
      Object v;
      switch (kind) {
        case LONG -> v = c == Primitive.ValueCase.INTEGER ? (Object) p.getInteger() : null;
        case INT -> v = c == Primitive.ValueCase.INTEGER && p.getInteger() == (int) p.getInteger()
            ? (Object) (int) p.getInteger() : null;
        case DOUBLE -> v = c == Primitive.ValueCase.FLOAT_VALUE ? (Object) p.getFloatValue()
            : c == Primitive.ValueCase.INTEGER ? (Object) (double) p.getInteger() : null;
        case BOOL -> v = c == Primitive.ValueCase.BOOLEAN ? (Object) p.getBoolean() : null;
        case STRING -> v = c == Primitive.ValueCase.STRING_VALUE ? p.getStringValue() : null;
        default -> v = null;
      }
      if (v == null) {
        return null;
      }
      out.add(v);
    }
    return out;
  }
}
