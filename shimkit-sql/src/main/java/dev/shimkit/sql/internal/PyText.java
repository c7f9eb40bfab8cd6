package dev.shimkit.sql.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The text Python's {@code str()} gives for the values flytekit substitutes into queries, so a placeholder
 * substituted as text (or bound inside a string literal) reads as it does with flytekit: {@code True},
 * {@code 2024-01-02 03:04:05+00:00}, {@code 1 day, 2:03:04}.
 */
public final class PyText {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneOffset.UTC);

  private PyText() {
  }

  public static String str(Object value) {
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof Instant i) {
      return datetime(i) + "+00:00";
    }
    if (value instanceof Duration d) {
      return timedelta(d);
    }
    return String.valueOf(value);
  }

  /** {@code yyyy-MM-dd HH:mm:ss[.ffffff]} in UTC, without offset (SQLite's datetime text). */
  public static String datetime(Instant i) {
    String s = SECONDS.format(i);
    int micros = i.getNano() / 1000;
    return micros == 0 ? s : s + String.format(".%06d", micros);
  }

  private static String timedelta(Duration d) {
    long totalMicros = d.getSeconds() * 1_000_000L + d.getNano() / 1000;
    long days = Math.floorDiv(totalMicros, 86_400_000_000L);
    long rest = Math.floorMod(totalMicros, 86_400_000_000L);
    long seconds = rest / 1_000_000;
    long micros = rest % 1_000_000;
    String hms = String.format("%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60)
        + (micros == 0 ? "" : String.format(".%06d", micros));
    return days == 0 ? hms : days + (Math.abs(days) == 1 ? " day, " : " days, ") + hms;
  }
}
