package dev.shimkit.types.internal;

/** Short descriptions of Java values for error messages (type and a clipped rendering). */
public final class Values {
  private static final int MAX = 60;

  private Values() {
  }

  /** e.g. {@code java.lang.String "abc"} or {@code java.lang.Long 5}. */
  public static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    String text = String.valueOf(v);
    if (text.length() > MAX) {
      text = text.substring(0, MAX) + "...";
    }
    if (v instanceof CharSequence || v instanceof Character) {
      text = '"' + text + '"';
    }
    return v.getClass().getName() + " " + text;
  }
}
