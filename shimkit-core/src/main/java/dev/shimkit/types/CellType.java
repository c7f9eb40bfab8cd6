package dev.shimkit.types;

import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The type of one column of a table that a {@link DatasetCodec} reads or writes. Every column is nullable.
 * The set is what a columnar file holds without loss and what SQL results need: codecs map it to their own
 * types (parquet: the types pyarrow writes, so pandas reads the same dtypes).
 */
public enum CellType {
  /** Java {@link Boolean}. */
  BOOLEAN(Boolean.class, SimpleType.BOOLEAN),
  /** Java {@link Integer}; read with {@link TableCursor#getLong}. */
  INT32(Integer.class, SimpleType.INTEGER),
  /** Java {@link Long}. */
  INT64(Long.class, SimpleType.INTEGER),
  /** Java {@link Float}; read with {@link TableCursor#getDouble}. */
  FLOAT(Float.class, SimpleType.FLOAT),
  /** Java {@link Double}. */
  DOUBLE(Double.class, SimpleType.FLOAT),
  /** Java {@link String} (UTF-8). */
  STRING(String.class, SimpleType.STRING),
  /** Java {@code byte[]}. */
  BYTES(byte[].class, SimpleType.BINARY),
  /** Java {@link LocalDate}. */
  DATE(LocalDate.class, SimpleType.DATETIME),
  /** Java {@link Instant} with at most microsecond precision (what flytekit uses for {@code datetime}). */
  TIMESTAMP_MICROS(Instant.class, SimpleType.DATETIME),
  /** Java {@link Instant} with nanosecond precision. */
  TIMESTAMP_NANOS(Instant.class, SimpleType.DATETIME);

  private final Class<?> javaType;
  private final SimpleType simpleType;

  CellType(Class<?> javaType, SimpleType simpleType) {
    this.javaType = javaType;
    this.simpleType = simpleType;
  }

  /** The class of this column's values as {@link TableCursor#get} returns them. */
  public Class<?> javaType() {
    return javaType;
  }

  /** The Flyte literal type of a column of this type in a structured dataset's declared columns. */
  public LiteralType literalType() {
    return LiteralType.newBuilder().setSimple(simpleType).build();
  }
}
