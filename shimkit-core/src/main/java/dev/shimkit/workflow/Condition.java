package dev.shimkit.workflow;

import dev.shimkit.errors.FlyteValidationException;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Literals.Void;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A boolean expression over promises and constants that picks the branch of a {@link Conditional}: a
 * comparison ({@code ==, !=, >, >=, <, <=}) of two operands, or an {@code and}/{@code or} of two conditions.
 * Built with {@link Promise#eq}, {@link Promise#gt} and friends; compiled to
 * {@code flyteidl.core.BooleanExpression}. Constants must be primitives (numbers, strings, booleans, instants,
 * durations) or null.
 */
public sealed interface Condition permits Condition.Comparison, Condition.Conjunction {

  /** Comparison operators, in flyteidl's order. */
  enum Op {
    EQ("=="), NE("!="), GT(">"), GE(">="), LT("<"), LE("<=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /** Logical operators joining two conditions. */
  enum Logic { AND, OR }

  /** One side of a comparison. */
  sealed interface Operand permits Ref, Value {
  }

  /** An operand read from a promise when the branch is evaluated. */
  record Ref(Promise<?> promise) implements Operand {
    public Ref {
      Objects.requireNonNull(promise, "promise");
    }

    @Override
    public String toString() {
      return promise.toString();
    }
  }

  /** A constant operand: a primitive scalar, or none. */
  record Value(Literal literal) implements Operand {
    public Value {
      Objects.requireNonNull(literal, "literal");
    }

    @Override
    public String toString() {
      return com.google.protobuf.TextFormat.shortDebugString(literal);
    }
  }

  /** {@code left op right}. */
  record Comparison(Operand left, Op op, Operand right) implements Condition {
    @Override
    public String toString() {
      return "(" + left + " " + op.symbol() + " " + right + ")";
    }
  }

  /** {@code left and|or right}. */
  record Conjunction(Condition left, Logic op, Condition right) implements Condition {
    @Override
    public String toString() {
      return "(" + left + " " + op.name().toLowerCase(java.util.Locale.ROOT) + " " + right + ")";
    }
  }

  /** True when both are. */
  default Condition and(Condition other) {
    return new Conjunction(this, Logic.AND, Objects.requireNonNull(other, "other"));
  }

  /** True when either is. */
  default Condition or(Condition other) {
    return new Conjunction(this, Logic.OR, Objects.requireNonNull(other, "other"));
  }

  /** {@code value} as an operand: a promise, or a constant primitive (or null for none). */
  static Operand operand(Object value) {
    if (value instanceof Promise<?> p) {
      return new Ref(p);
    }
    if (value == null) {
      return new Value(Literal.newBuilder().setScalar(Scalar.newBuilder().setNoneType(Void.getDefaultInstance()))
          .build());
    }
    Primitive.Builder p = Primitive.newBuilder();
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      p.setInteger(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      p.setFloatValue(((Number) value).doubleValue());
    } else if (value instanceof String s) {
      p.setStringValue(s);
    } else if (value instanceof Boolean b) {
      p.setBoolean(b);
    } else if (value instanceof Instant i) {
      p.setDatetime(com.google.protobuf.Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()));
    } else if (value instanceof Duration d) {
      p.setDuration(com.google.protobuf.Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()));
    } else {
      throw new FlyteValidationException("Only primitive values (numbers, strings, booleans, instants, durations) "
          + "or null can be compared in a condition, got " + value.getClass().getName());
    }
    return new Value(Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(p)).build());
  }
}
