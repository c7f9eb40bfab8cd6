package dev.shimkit.parquet;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The type of one dataset column, with the Java type its values take and the parquet type it is written as.
 * Every column is nullable (parquet {@code OPTIONAL}); the parquet types are the ones pyarrow writes for the
 * matching Arrow types, so pandas/pyarrow read our files back with the same dtypes.
 *
 * <p>Timestamps are instants on the UTC time line ({@code isAdjustedToUTC = true}). {@link #TIMESTAMP_MICROS}
 * is what flytekit uses for {@code datetime}; an {@link Instant} with a finer fraction is rejected rather than
 * silently truncated. {@link #TIMESTAMP_NANOS} keeps full {@link Instant} precision within the years
 * 1677..2262 (the range of a signed 64-bit nanosecond count, as in pandas).
 */
public enum ColumnType {
  /** parquet {@code BOOLEAN}; Java {@link Boolean}. */
  BOOLEAN(Boolean.class),
  /** parquet {@code INT32}; Java {@link Integer}. */
  INT32(Integer.class),
  /** parquet {@code INT64}; Java {@link Long}. */
  INT64(Long.class),
  /** parquet {@code FLOAT}; Java {@link Float}. */
  FLOAT(Float.class),
  /** parquet {@code DOUBLE}; Java {@link Double}. */
  DOUBLE(Double.class),
  /** parquet {@code BYTE_ARRAY} with logical type {@code STRING} (UTF-8); Java {@link String}. */
  STRING(String.class),
  /** parquet {@code BYTE_ARRAY} without logical type; Java {@code byte[]}. */
  BYTES(byte[].class),
  /** parquet {@code INT32} with logical type {@code DATE} (days since 1970-01-01); Java {@link LocalDate}. */
  DATE(LocalDate.class),
  /** parquet {@code INT64} with logical type {@code TIMESTAMP(MICROS, UTC)}; Java {@link Instant}. */
  TIMESTAMP_MICROS(Instant.class),
  /** parquet {@code INT64} with logical type {@code TIMESTAMP(NANOS, UTC)}; Java {@link Instant}. */
  TIMESTAMP_NANOS(Instant.class);

  private final Class<?> javaType;

  ColumnType(Class<?> javaType) {
    this.javaType = javaType;
  }

  /** The class of the values of this column as the reader returns them and {@code set(int, Object)} takes. */
  public Class<?> javaType() {
    return javaType;
  }
}
