package dev.shimkit.parquet.internal;

import dev.shimkit.errors.FlyteTypeException;
import dev.shimkit.parquet.Column;
import dev.shimkit.parquet.ColumnType;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** Conversions between Java values and {@link RowBuffer} cells, and the errors for values that do not fit. */
public final class Cells {
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private Cells() {}

  /** Stores a boxed value (any of the Java types {@link ColumnType} names, or a lossless equivalent). */
  public static void set(RowBuffer row, int index, Column column, Object value, long rowIndex) {
    if (value == null) {
      row.present[index] = false;
      row.refs[index] = null;
      return;
    }
    switch (column.type()) {
      case BOOLEAN -> {
        if (!(value instanceof Boolean b)) {
          throw mismatch(column, rowIndex, value);
        }
        row.longs[index] = b ? 1 : 0;
      }
      case INT32 -> row.longs[index] = toInt(column, rowIndex, integral(column, rowIndex, value));
      case INT64 -> row.longs[index] = integral(column, rowIndex, value);
      case FLOAT -> {
        if (!(value instanceof Float f)) {
          throw mismatch(column, rowIndex, value);
        }
        row.doubles[index] = f;
      }
      case DOUBLE -> {
        if (!(value instanceof Double || value instanceof Float)) {
          throw mismatch(column, rowIndex, value);
        }
        row.doubles[index] = ((Number) value).doubleValue();
      }
      case STRING -> {
        if (!(value instanceof CharSequence s)) {
          throw mismatch(column, rowIndex, value);
        }
        row.refs[index] = s.toString();
      }
      case BYTES -> {
        if (value instanceof byte[] bytes) {
          row.refs[index] = bytes;
        } else if (value instanceof ByteBuffer buffer) {
          byte[] bytes = new byte[buffer.remaining()];
          buffer.duplicate().get(bytes);
          row.refs[index] = bytes;
        } else {
          throw mismatch(column, rowIndex, value);
        }
      }
      case DATE -> {
        if (!(value instanceof LocalDate d)) {
          throw mismatch(column, rowIndex, value);
        }
        row.longs[index] = epochDay(column, rowIndex, d);
      }
      case TIMESTAMP_MICROS, TIMESTAMP_NANOS -> row.longs[index] = timestamp(column, rowIndex, instant(column,
          rowIndex, value));
    }
    row.present[index] = true;
  }

  /** The boxed value of a present cell, as {@link ColumnType#javaType()}. */
  public static Object get(RowBuffer row, int index, ColumnType type) {
    if (!row.present[index]) {
      return null;
    }
    return switch (type) {
      case BOOLEAN -> row.longs[index] != 0;
      case INT32 -> (int) row.longs[index];
      case INT64 -> row.longs[index];
      case FLOAT -> (float) row.doubles[index];
      case DOUBLE -> row.doubles[index];
      case STRING, BYTES -> row.refs[index];
      case DATE -> LocalDate.ofEpochDay(row.longs[index]);
      case TIMESTAMP_MICROS -> fromMicros(row.longs[index]);
      case TIMESTAMP_NANOS -> fromNanos(row.longs[index]);
    };
  }

  public static int epochDay(Column column, long rowIndex, LocalDate date) {
    long day = date.toEpochDay();
    if (day != (int) day) {
      throw new FlyteTypeException("column \"" + column.name() + "\" (DATE) at row " + rowIndex
          + ": the date is outside the range parquet DATE can hold (+/- 2^31 days from 1970-01-01)");
    }
    return (int) day;
  }

  /** Micro- or nanoseconds since the epoch, exact or a clear error. */
  public static long timestamp(Column column, long rowIndex, Instant instant) {
    try {
      if (column.type() == ColumnType.TIMESTAMP_MICROS) {
        if (instant.getNano() % 1000 != 0) {
          throw new FlyteTypeException("column \"" + column.name() + "\" (TIMESTAMP_MICROS) at row " + rowIndex
              + ": the instant has sub-microsecond digits; truncate it (instant.truncatedTo(ChronoUnit.MICROS))"
              + " or declare the column TIMESTAMP_NANOS");
        }
        return count(instant.getEpochSecond(), instant.getNano() / 1000, MICROS_PER_SECOND);
      }
      return count(instant.getEpochSecond(), instant.getNano(), NANOS_PER_SECOND);
    } catch (ArithmeticException e) {
      throw new FlyteTypeException("column \"" + column.name() + "\" (" + column.type() + ") at row " + rowIndex
          + ": the instant is outside the range of a 64-bit count of "
          + (column.type() == ColumnType.TIMESTAMP_MICROS ? "microseconds" : "nanoseconds (years 1677..2262)")
          + " since 1970", e);
    }
  }

  /** seconds * perSecond + fraction without overflowing on the way to a representable result. */
  private static long count(long seconds, long fraction, long perSecond) {
    if (seconds < 0 && fraction > 0) {
      return Math.addExact(Math.multiplyExact(seconds + 1, perSecond), fraction - perSecond);
    }
    return Math.addExact(Math.multiplyExact(seconds, perSecond), fraction);
  }

  public static Instant fromMicros(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
        Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
  }

  public static Instant fromNanos(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
  }

  public static int toInt(Column column, long rowIndex, long value) {
    if (value != (int) value) {
      throw new FlyteTypeException("column \"" + column.name() + "\" (INT32) at row " + rowIndex + ": value "
          + "does not fit in 32 bits; declare the column INT64");
    }
    return (int) value;
  }

  public static FlyteTypeException mismatch(Column column, long rowIndex, Object value) {
    return new FlyteTypeException("column \"" + column.name() + "\" (" + column.type() + ") at row " + rowIndex
        + " cannot hold a value of type " + value.getClass().getName() + "; expected "
        + column.type().javaType().getSimpleName());
  }

  public static FlyteTypeException mismatch(Column column, long rowIndex, String setter) {
    return new FlyteTypeException("column \"" + column.name() + "\" (" + column.type() + ") at row " + rowIndex
        + " cannot be set with " + setter + "; expected a " + column.type().javaType().getSimpleName());
  }

  private static long integral(Column column, long rowIndex, Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big) {
      try {
        return big.longValueExact();
      } catch (ArithmeticException e) {
        throw new FlyteTypeException("column \"" + column.name() + "\" (" + column.type() + ") at row " + rowIndex
            + ": integer does not fit in 64 bits", e);
      }
    }
    throw mismatch(column, rowIndex, value);
  }

  private static Instant instant(Column column, long rowIndex, Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    throw mismatch(column, rowIndex, value);
  }
}
