package dev.shimkit.image.internal;

import java.util.List;
import java.util.Map;

/**
 * A minimal, frozen JSON writer for the ImageSpec hash: objects keep the caller's key order (the hasher
 * passes a fixed field order and sorted maps), no whitespace, strings escape only {@code "}, {@code \} and
 * control characters (as {@code \}{@code u00XX}). Written by hand so the bytes never depend on a library
 * version: changing this class changes every image tag.
 */
public final class CanonicalJson {
  private CanonicalJson() {
  }

  /** Values: String, Integer/Long, List of values, Map of String to value. */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    append(sb, value);
    return sb.toString();
  }

  private static void append(StringBuilder sb, Object v) {
    if (v instanceof String s) {
      string(sb, s);
    } else if (v instanceof Integer || v instanceof Long) {
      sb.append(v);
    } else if (v instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        append(sb, list.get(i));
      }
      sb.append(']');
    } else if (v instanceof Map<?, ?> map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        string(sb, (String) e.getKey());
        sb.append(':');
        append(sb, e.getValue());
      }
      sb.append('}');
    } else {
      throw new IllegalArgumentException("not a canonical JSON value: " + v);
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }
}
