package dev.shimkit.runtime.internal;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import dev.shimkit.errors.FlyteValidationException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The few Go formatting rules Flyte's backend applies when it renders {@code {{.Inputs.x}}} and other
 * placeholders, reproduced so the local backend runner produces the same strings byte for byte.
 */
public final class GoFormat {
  private static final long MIN_TIMESTAMP_SECONDS = -62135596800L; // 0001-01-01T00:00:00Z
  private static final long MAX_TIMESTAMP_SECONDS = 253402300800L; // 10000-01-01T00:00:00Z

  private GoFormat() {}

  /**
   * Go's {@code fmt.Sprintf("%v", float64)} ({@code strconv.FormatFloat(v, 'g', -1, 64)}): the shortest digits
   * that read back as {@code v}; exponent form when the decimal exponent is below -4 or at least 6
   * ({@code 1e+06}, {@code 1e-05}, {@code 123456.7} but {@code 1.2345678e+06}), {@code +Inf}, {@code NaN}.
   */
  public static String formatFloat64(double v) {
    return formatFloat(v, false);
  }

  /** Go's {@code fmt.Sprintf("%v", float32)}: the shortest digits that read back as the same float32. */
  public static String formatFloat32(float v) {
    return formatFloat(v, true);
  }

  private static String formatFloat(double v, boolean is32) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    boolean neg = v < 0 || (v == 0 && 1 / v < 0);
    if (v == 0) {
      return neg ? "-0" : "0";
    }
    BigDecimal shortest = shortest(Math.abs(v), is32).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int nd = digits.length();
    int dp = nd - shortest.scale();
    StringBuilder out = new StringBuilder(neg ? "-" : "");
    int exp = dp - 1;
    // strconv's 'g' with shortest precision decides with precision 6
    if (exp < -4 || exp >= 6) {
      out.append(digits.charAt(0));
      if (nd > 1) {
        out.append('.').append(digits, 1, nd);
      }
      out.append('e').append(exp < 0 ? '-' : '+');
      int e = Math.abs(exp);
      if (e < 10) {
        out.append('0');
      }
      return out.append(e).toString();
    }
    if (dp > 0) {
      for (int i = 0; i < dp; i++) {
        out.append(i < nd ? digits.charAt(i) : '0');
      }
    } else {
      out.append('0');
    }
    int frac = Math.max(nd - dp, 0);
    if (frac > 0) {
      out.append('.');
      for (int i = 1; i <= frac; i++) {
        int j = dp + i - 1;
        out.append(j >= 0 && j < nd ? digits.charAt(j) : '0');
      }
    }
    return out.toString();
  }

  /** The shortest decimal that reads back as {@code a}; of two candidates the nearer, ties to even. */
  private static BigDecimal shortest(double a, boolean is32) {
    BigDecimal exact = new BigDecimal(a);
    for (int n = 1; n <= 17; n++) {
      BigDecimal lo = exact.round(new MathContext(n, RoundingMode.FLOOR));
      BigDecimal hi = exact.round(new MathContext(n, RoundingMode.CEILING));
      boolean loOk = readsBack(lo, a, is32);
      boolean hiOk = readsBack(hi, a, is32);
      if (loOk && hiOk && lo.compareTo(hi) != 0) {
        int c = exact.subtract(lo).compareTo(hi.subtract(exact));
        if (c != 0) {
          return c < 0 ? lo : hi;
        }
        return exact.round(new MathContext(n, RoundingMode.HALF_EVEN));
      }
      if (loOk) {
        return lo;
      }
      if (hiOk) {
        return hi;
      }
    }
    return exact;
  }

  private static boolean readsBack(BigDecimal candidate, double a, boolean is32) {
    return is32 ? candidate.floatValue() == (float) a : candidate.doubleValue() == a;
  }

  /**
   * Go's {@code ptypes.TimestampString}: RFC 3339 in UTC with the fraction's trailing zeros dropped
   * ({@code time.RFC3339Nano}), e.g. {@code 1900-01-01T01:01:01.000000001Z}.
   *
   * @throws FlyteValidationException for a timestamp outside years 1..9999 or with nanos outside [0, 1e9)
   *     (Go renders an error text in parentheses there; we refuse instead)
   */
  public static String timestampString(Timestamp ts) {
    long seconds = ts.getSeconds();
    int nanos = ts.getNanos();
    if (seconds < MIN_TIMESTAMP_SECONDS || seconds >= MAX_TIMESTAMP_SECONDS || nanos < 0 || nanos >= 1_000_000_000) {
      throw new FlyteValidationException("Datetime input out of range (seconds=" + seconds + ", nanos=" + nanos
          + "): Flyte can only render timestamps between years 1 and 9999");
    }
    java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(seconds, nanos, java.time.ZoneOffset.UTC);
    StringBuilder out = new StringBuilder(35);
    pad(out, t.getYear(), 4).append('-');
    pad(out, t.getMonthValue(), 2).append('-');
    pad(out, t.getDayOfMonth(), 2).append('T');
    pad(out, t.getHour(), 2).append(':');
    pad(out, t.getMinute(), 2).append(':');
    pad(out, t.getSecond(), 2);
    if (nanos != 0) {
      StringBuilder frac = new StringBuilder();
      pad(frac, nanos, 9);
      int end = frac.length();
      while (frac.charAt(end - 1) == '0') {
        end--;
      }
      out.append('.').append(frac, 0, end);
    }
    return out.append('Z').toString();
  }

  /**
   * What Go's {@code (*durationpb.Duration).String()} returns, which is what Flyte's backend calls for a
   * duration input: the message in compact protobuf text format, e.g. {@code seconds:93784 nanos:500000};
   * zero fields are left out, so a zero duration is the empty string. (Go's protobuf library randomly adds a
   * second space between fields in some builds to discourage parsing; we always write one.)
   */
  public static String durationString(Duration d) {
    StringBuilder out = new StringBuilder();
    if (d.getSeconds() != 0) {
      out.append("seconds:").append(d.getSeconds());
    }
    if (d.getNanos() != 0) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append("nanos:").append(d.getNanos());
    }
    return out.toString();
  }

  /**
   * Go's {@code Regexp.Expand} of a replacement {@code template} for a pattern without capture groups, as
   * {@code ReplaceAllString} applies it: {@code $$} is a dollar, {@code $0}/{@code ${0}} the whole match,
   * any other well-formed {@code $name}/{@code ${name}} nothing, and a malformed reference a literal {@code $}.
   */
  public static String expand(String template, String match) {
    if (template.indexOf('$') < 0) {
      return template;
    }
    StringBuilder out = new StringBuilder(template.length());
    int i = 0;
    int n = template.length();
    while (i < n) {
      char c = template.charAt(i);
      if (c != '$') {
        out.append(c);
        i++;
        continue;
      }
      i++;
      if (i < n && template.charAt(i) == '$') {
        out.append('$');
        i++;
        continue;
      }
      boolean brace = i < n && template.charAt(i) == '{';
      int start = brace ? i + 1 : i;
      int end = start;
      while (end < n) {
        int cp = template.codePointAt(end);
        if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_') {
          break;
        }
        end += Character.charCount(cp);
      }
      if (end == start || (brace && (end >= n || template.charAt(end) != '}'))) {
        out.append('$');
        continue;
      }
      String name = template.substring(start, end);
      i = brace ? end + 1 : end;
      if (name.equals("0")) {
        out.append(match);
      }
    }
    return out.toString();
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    String s = Integer.toString(value);
    for (int k = s.length(); k < width; k++) {
      out.append('0');
    }
    return out.append(s);
  }
}
