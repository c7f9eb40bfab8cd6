package dev.shimkit.types.internal;

import com.google.protobuf.ByteString;
import flyteidl.core.Literals.Binary;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Literals.Union;
import flyteidl.core.Literals.Void;
import flyteidl.core.Types.LiteralType;

/** Builders for the literal shapes the transformers write. */
public final class Lits {
  private static final Literal NONE = Literal.newBuilder()
      .setScalar(Scalar.newBuilder().setNoneType(Void.getDefaultInstance())).build();

  private Lits() {
  }

  public static Literal of(Primitive p) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(p)).build();
  }

  public static Literal ofInteger(long v) {
    return of(Primitive.newBuilder().setInteger(v).build());
  }

  public static Literal ofFloat(double v) {
    return of(Primitive.newBuilder().setFloatValue(v).build());
  }

  public static Literal ofString(String v) {
    return of(Primitive.newBuilder().setStringValue(v).build());
  }

  public static Literal none() {
    return NONE;
  }

  public static Literal union(Literal value, LiteralType variant) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setUnion(
        Union.newBuilder().setValue(value).setType(variant))).build();
  }

  public static Literal binary(byte[] bytes, String tag) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setBinary(
        Binary.newBuilder().setValue(ByteString.copyFrom(bytes)).setTag(tag))).build();
  }

  public static boolean isNone(Literal l) {
    return l.hasScalar() && l.getScalar().hasNoneType();
  }

  public static boolean isUnion(Literal l) {
    return l.hasScalar() && l.getScalar().hasUnion();
  }

  /** The primitive inside {@code l}, or null when it holds none. */
  public static Primitive primitiveOrNull(Literal l) {
    return l.hasScalar() && l.getScalar().hasPrimitive() ? l.getScalar().getPrimitive() : null;
  }
}
