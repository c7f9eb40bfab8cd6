package dev.shimkit.task.internal;

import dev.shimkit.errors.FlyteValidationException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Checks Kubernetes resource quantities and turns numbers into the text flytekit would send (Python's
 * {@code str()}). The grammar is Kubernetes' own ({@code k8s.io/apimachinery/pkg/api/resource}): a decimal
 * number, then nothing, a binary suffix (Ki..Ei), a decimal suffix (m, k, M..E) or an exponent (e3, E-2).
 */
public final class Quantities {
  private static final Pattern QUANTITY =
      Pattern.compile("^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?\\d+)?$");

  private Quantities() {
  }

  /**
   * Returns {@code text} unchanged when it is a non-negative Kubernetes quantity, else throws an error that
   * names {@code field}, the value and how to fix it.
   */
  public static String check(String field, String text) {
    if (text == null) {
      throw new FlyteValidationException(field + ": a value is required (null given); " + hint(field));
    }
    if (!QUANTITY.matcher(text).matches()) {
      throw new FlyteValidationException(
          field + ": \"" + text + "\" is not a Kubernetes quantity; " + hint(field));
    }
    if (text.startsWith("-") && !isZero(text)) {
      throw new FlyteValidationException(
          field + ": \"" + text + "\" is negative; a resource quantity must be zero or more; " + hint(field));
    }
    return text;
  }

  /** {@code value} as Python's {@code str(int)} writes it, checked to be non-negative. */
  public static String fromLong(String field, long value) {
    return check(field, Long.toString(value));
  }

  /** {@code value} as Python's {@code str(float)} writes it ({@code 1.5}, {@code 2.0}, {@code 1e-05}), checked. */
  public static String fromDouble(String field, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new FlyteValidationException(field + ": " + value + " is not a number of cores; " + hint(field));
    }
    return check(field, pythonFloat(value));
  }

  /** True when the quantity text denotes zero ({@code 0}, {@code 0.0}, {@code 0Gi}, ...). */
  public static boolean isZero(String text) {
    String digits = text.replaceAll("(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?\\d+)$", "");
    try {
      return new BigDecimal(digits.startsWith("+") ? digits.substring(1) : digits).signum() == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Python's {@code repr}/{@code str} of a float: shortest round-trip digits, positional notation for
   * exponents -4..15 (always with a fractional part), else {@code d.ddde+XX}.
   */
  public static String pythonFloat(double value) {
    if (value == 0) {
      return (1 / value < 0) ? "-0.0" : "0.0";
    }
    BigDecimal d = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    int exponent = d.precision() - d.scale() - 1;
    if (exponent >= -4 && exponent < 16) {
      String plain = d.toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    String unscaled = d.unscaledValue().abs().toString();
    StringBuilder out = new StringBuilder();
    if (d.signum() < 0) {
      out.append('-');
    }
    out.append(unscaled.charAt(0));
    if (unscaled.length() > 1) {
      out.append('.').append(unscaled, 1, unscaled.length());
    }
    out.append('e').append(exponent < 0 ? '-' : '+');
    int abs = Math.abs(exponent);
    out.append(abs < 10 ? "0" + abs : Integer.toString(abs));
    return out.toString();
  }

  private static String hint(String field) {
    if (field.contains("cpu")) {
      return "give cores or millicores (e.g. \"500m\", \"1.5\" or \"2\")";
    }
    if (field.contains("gpu")) {
      return "give a whole number of devices (e.g. \"1\")";
    }
    return "use a suffix like Mi, Gi or M, G (e.g. \"2Gi\")";
  }
}
