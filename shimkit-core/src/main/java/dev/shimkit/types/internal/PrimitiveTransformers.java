package dev.shimkit.types.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.errors.FlyteTypeException;
import dev.shimkit.types.TypeEngine;
import dev.shimkit.types.TypeTransformer;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Types.Error;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Transformers for Flyte's simple types. Each handles a fixed set of Java classes, declares one
 * {@link SimpleType} and guesses one Java class (INTEGER → Long, FLOAT → Double, STRING → String,
 * BOOLEAN → Boolean, DATETIME → Instant, DURATION → Duration, NONE → Void, BINARY → byte[],
 * ERROR → flyteidl {@code Error}). Union tags are flytekit's transformer names ("int", "float", ...).
 */
public final class PrimitiveTransformers {
  private PrimitiveTransformers() {
  }

  public static List<TypeTransformer<?>> all() {
    return List.of(new IntegerT(), new FloatT(), new StringT(), new BooleanT(), new DatetimeT(), new DurationT(),
        new NoneT(), new BinaryT(), new ErrorT());
  }

  /** Common shape: fixed classes, one simple type, one guessed class. */
  abstract static class Base implements TypeTransformer<Object> {
    private final String name;
    private final SimpleType simple;
    private final Set<Class<?>> classes;
    private final Class<?> guess;
    private final LiteralType literalType;

    Base(String name, SimpleType simple, Class<?> guess, Class<?>... classes) {
      this.name = name;
      this.simple = simple;
      this.classes = Set.of(classes);
      this.guess = guess;
      this.literalType = LiteralTypes.simple(simple);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public boolean handles(Type javaType) {
      return javaType instanceof Class<?> c && classes.contains(c);
    }

    @Override
    public LiteralType toLiteralType(Type javaType, TypeEngine engine) {
      return literalType;
    }

    @Override
    public Optional<Type> guessJavaType(LiteralType lt, TypeEngine engine) {
      return LiteralTypes.isSimple(lt, simple) ? Optional.of(guess) : Optional.empty();
    }

    void checkExpected(LiteralType expected, Type javaType, Object value) {
      if (!LiteralTypes.isSimple(expected, simple)) {
        throw LiteralTypes.mismatch(expected, javaType, value);
      }
    }

    Primitive primitive(Literal l, Primitive.ValueCase want, Type javaType) {
      Primitive p = Lits.primitiveOrNull(l);
      if (p == null || p.getValueCase() != want) {
        throw LiteralTypes.badLiteral(simple.name(), javaType, l);
      }
      return p;
    }
  }

  static final class IntegerT extends Base {
    IntegerT() {
      super("int", SimpleType.INTEGER, Long.class, long.class, Long.class, int.class, Integer.class, short.class,
          Short.class, byte.class, Byte.class);
    }

    @Override
    public Literal toLiteral(FlyteContext ctx, Object v, Type javaType, LiteralType expected, TypeEngine engine) {
      if (!(v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte)) {
        throw LiteralTypes.mismatch(expected, javaType, v);
      }
      long n = ((Number) v).longValue();
      if (LiteralTypes.isSimple(expected, SimpleType.FLOAT)) {
        return Lits.ofFloat(n);
      }
      checkExpected(expected, javaType, v);
      return Lits.ofInteger(n);
    }

    @Override
    public Object toJava(FlyteContext ctx, Literal l, Type javaType, TypeEngine engine) {
      long n = primitive(l, Primitive.ValueCase.INTEGER, javaType).getInteger();
      Class<?> c = (Class<?>) javaType;
      if (c == long.class || c == Long.class) {
        return n;
      }
      long min = c == int.class || c == Integer.class ? Integer.MIN_VALUE
          : c == short.class || c == Short.class ? Short.MIN_VALUE : Byte.MIN_VALUE;
      long max = -min - 1;
      if (n < min || n > max) {
        throw new FlyteTypeException("integer " + n + " does not fit java " + c.getName() + " (range " + min + ".."
            + max + "); declare it as long");
      }
      return c == int.class || c == Integer.class ? (Object) (int) n
          : c == short.class || c == Short.class ? (Object) (short) n : (Object) (byte) n;
    }
  }

  static final class FloatT extends Base {
    FloatT() {
      super("float", SimpleType.FLOAT, Double.class, double.class, Double.class, float.class, Float.class);
    }

    @Override
    public Literal toLiteral(FlyteContext ctx, Object v, Type javaType, LiteralType expected, TypeEngine engine) {
      if (!(v instanceof Double || v instanceof Float)) {
        throw LiteralTypes.mismatch(expected, javaType, v);
      }
      checkExpected(expected, javaType, v);
      return Lits.ofFloat(((Number) v).doubleValue());
    }

    @Override
    public Object toJava(FlyteContext ctx, Literal l, Type javaType, TypeEngine engine) {
      Primitive p = Lits.primitiveOrNull(l);
      double d = p != null && p.getValueCase() == Primitive.ValueCase.INTEGER ? p.getInteger()
          : primitive(l, Primitive.ValueCase.FLOAT_VALUE, javaType).getFloatValue();
      return javaType == float.class || javaType == Float.class ? (Object) (float) d : (Object) d;
    }
  }

  static final class StringT extends Base {
    StringT() {
      super("str", SimpleType.STRING, String.class, String.class);
    }

    @Override
    public Literal toLiteral(FlyteContext ctx, Object v, Type javaType, LiteralType expected, TypeEngine engine) {
      if (!(v instanceof String s)) {
        throw LiteralTypes.mismatch(expected, javaType, v);
      }
      if (expected.hasEnumType()) {
        if (!expected.getEnumType().getValuesList().contains(s)) {
          throw LiteralTypes.mismatch(expected, javaType, v);
        }
        return Lits.ofString(s);
      }
      checkExpected(expected, javaType, v);
      return Lits.ofString(s);
    }

    @Override
    public Object toJava(FlyteContext ctx, Literal l, Type javaType, TypeEngine engine) {
      return primitive(l, Primitive.ValueCase.STRING_VALUE, javaType).getStringValue();
    }
  }

  static final class BooleanT extends Base {
    BooleanT() {
      super("bool", SimpleType.BOOLEAN, Boolean.class, boolean.class, Boolean.class);
    }

    @Override
    public Literal toLiteral(FlyteContext ctx, Object v, Type javaType, LiteralType expected, TypeEngine engine) {
      if (!(v instanceof Boolean b)) {
        throw LiteralTypes.mismatch(expected, javaType, v);
      }
      checkExpected(expected, javaType, v);
      return Lits.of(Primitive.newBuilder().setBoolean(b).build());
    }

    @Override
    public Object toJava(FlyteContext ctx, Literal l, Type javaType, TypeEngine engine) {
      return primitive(l, Primitive.ValueCase.BOOLEAN, javaType).getBoolean();
    }
  }

  /** Instant ↔ protobuf Timestamp, nanoseconds kept (flytekit keeps microseconds: Python's limit). */
  static final class DatetimeT extends Base {
    DatetimeT() {
      super("datetime", SimpleType.DATETIME, Instant.class, Instant.class);
    }

    @Override
    public Literal toLiteral(FlyteContext ctx, Object v, Type javaType, LiteralType expected, TypeEngine engine) {
      if (!(v instanceof Instant t)) {
        throw LiteralTypes.mismatch(expected, javaType, v);
      }
      checkExpected(expected, javaType, v);
      return Lits.of(Primitive.newBuilder().setDatetime(
          Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano())).build());
    }

    @Override
    public Object toJava(FlyteContext ctx, Literal l, Type javaType, TypeEngine engine) {
      Timestamp ts = primitive(l, Primitive.ValueCase.DATETIME, javaType).getDatetime();
      return Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos());
    }
  }

  /** Duration ↔ protobuf Duration (seconds and nanos carry the same sign, as protobuf requires). */
  static final class DurationT extends Base {
    DurationT() {
      super("timedelta", SimpleType.DURATION, Duration.class, Duration.class);
    }

    @Override
    public Literal toLiteral(FlyteContext ctx, Object v, Type javaType, LiteralType expected, TypeEngine engine) {
      if (!(v instanceof Duration d)) {
        throw LiteralTypes.mismatch(expected, javaType, v);
      }
      checkExpected(expected, javaType, v);
      long s = d.getSeconds();
      int n = d.getNano();
      if (s < 0 && n > 0) {
        s += 1;
        n -= 1_000_000_000;
      }
      return Lits.of(Primitive.newBuilder().setDuration(
          com.google.protobuf.Duration.newBuilder().setSeconds(s).setNanos(n)).build());
    }

    @Override
    public Object toJava(FlyteContext ctx, Literal l, Type javaType, TypeEngine engine) {
      com.google.protobuf.Duration d = primitive(l, Primitive.ValueCase.DURATION, javaType).getDuration();
      return Duration.ofSeconds(d.getSeconds(), d.getNanos());
    }
  }

  /** Void: only null, written as {@code scalar.none_type}. */
  static final class NoneT extends Base {
    NoneT() {
      super("none", SimpleType.NONE, Void.class, Void.class, void.class);
    }

    @Override
    public Literal toLiteral(FlyteContext ctx, Object v, Type javaType, LiteralType expected, TypeEngine engine) {
      throw LiteralTypes.mismatch(expected, javaType, v);
    }

    @Override
    public Object toJava(FlyteContext ctx, Literal l, Type javaType, TypeEngine engine) {
      if (!Lits.isNone(l)) {
        throw LiteralTypes.badLiteral("NONE", javaType, l);
      }
      return null;
    }
  }

  /** byte[] ↔ {@code scalar.binary} with an empty tag (the tag is not checked when reading). */
  static final class BinaryT extends Base {
    BinaryT() {
      super("bytes", SimpleType.BINARY, byte[].class, byte[].class);
    }

    @Override
    public Literal toLiteral(FlyteContext ctx, Object v, Type javaType, LiteralType expected, TypeEngine engine) {
      if (!(v instanceof byte[] b)) {
        throw LiteralTypes.mismatch(expected, javaType, v);
      }
      checkExpected(expected, javaType, v);
      return Lits.binary(b, "");
    }

    @Override
    public Object toJava(FlyteContext ctx, Literal l, Type javaType, TypeEngine engine) {
      if (!l.hasScalar() || !l.getScalar().hasBinary()) {
        throw LiteralTypes.badLiteral("BINARY", javaType, l);
      }
      ByteString b = l.getScalar().getBinary().getValue();
      return b.toByteArray();
    }
  }

  /** flyteidl {@code Error} ↔ {@code scalar.error} (what a failed upstream node hands an error handler). */
  static final class ErrorT extends Base {
    ErrorT() {
      super("error", SimpleType.ERROR, Error.class, Error.class);
    }

    @Override
    public Literal toLiteral(FlyteContext ctx, Object v, Type javaType, LiteralType expected, TypeEngine engine) {
      if (!(v instanceof Error e)) {
        throw LiteralTypes.mismatch(expected, javaType, v);
      }
      checkExpected(expected, javaType, v);
      return Literal.newBuilder().setScalar(Scalar.newBuilder().setError(e)).build();
    }

    @Override
    public Object toJava(FlyteContext ctx, Literal l, Type javaType, TypeEngine engine) {
      if (!l.hasScalar() || !l.getScalar().hasError()) {
        throw LiteralTypes.badLiteral("ERROR", javaType, l);
      }
      return l.getScalar().getError();
    }
  }
}
