package dev.shimkit.parquet;

/** Page compression of written part files. {@link #SNAPPY} is the pyarrow/pandas (and so flytekit) default. */
public enum Compression {
  UNCOMPRESSED,
  SNAPPY,
  GZIP,
  ZSTD
}
