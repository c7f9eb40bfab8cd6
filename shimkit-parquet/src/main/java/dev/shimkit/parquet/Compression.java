package dev.shimkit.parquet;

/** Page compression of written part files. {@link #SNAPPY} is the pyarrow/pandas (and so flytekit) default. */
public enum Compression {
  UNCOMPRESSED,
  SNAPPY,
  GZIP,
  ZSTD,
  /** LZ4 block format without framing (parquet's {@code LZ4_RAW}, pyarrow's {@code lz4}). */
  LZ4_RAW
}
