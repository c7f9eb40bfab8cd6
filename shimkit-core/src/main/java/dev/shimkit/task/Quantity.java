package dev.shimkit.task;

import dev.shimkit.task.internal.Quantities;
import java.util.Objects;

/**
 * One resource amount, kept as the text that goes on the wire (a Kubernetes quantity such as {@code "500m"},
 * {@code "2Gi"}, {@code "4"}). {@code numeric} records that the amount was given as a number rather than a
 * string, as flytekit distinguishes {@code 4} from {@code "4"}: a numeric zero is "falsy" and left out of a
 * container's resources (flytekit appends only truthy values), and JSON writes a numeric amount as a number.
 *
 * @param value the quantity text, never null
 * @param numeric whether it was given as a number ({@code int}/{@code long}/{@code double})
 */
public record Quantity(String value, boolean numeric) {

  public Quantity {
    Objects.requireNonNull(value, "value");
  }

  /** A quantity given as text. */
  public static Quantity of(String value) {
    return new Quantity(value, false);
  }

  /** False only for a numeric zero, which flytekit treats as "not set" when building a container. */
  public boolean isTruthy() {
    return !(numeric && Quantities.isZero(value));
  }

  @Override
  public String toString() {
    return value;
  }
}
