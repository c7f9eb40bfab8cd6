package dev.shimkit.parquet;

import dev.shimkit.errors.FlyteUserException;

/**
 * How {@link ParquetDatasetWriter} lays out a dataset: compression, when to start a new part file and how
 * much to buffer per row group. Memory held by a writer is about one row group ({@link #rowGroupBytes}).
 *
 * @param compression     page compression
 * @param maxRowsPerPart  start a new part file after this many rows
 * @param maxBytesPerPart start a new part file once the current one holds about this many bytes
 * @param rowGroupBytes   target size of one row group (buffered in memory before it is written)
 */
public record WriteOptions(Compression compression, long maxRowsPerPart, long maxBytesPerPart, long rowGroupBytes) {
  /** Part size after which a new part file starts unless told otherwise: 512 MiB. */
  public static final long DEFAULT_MAX_BYTES_PER_PART = 512L << 20;
  /** Row group size unless told otherwise: 32 MiB (bounded writer memory; pyarrow uses up to 1M rows). */
  public static final long DEFAULT_ROW_GROUP_BYTES = 32L << 20;

  public WriteOptions {
    if (compression == null) {
      throw new FlyteUserException("WriteOptions.compression must not be null");
    }
    requirePositive("maxRowsPerPart", maxRowsPerPart);
    requirePositive("maxBytesPerPart", maxBytesPerPart);
    requirePositive("rowGroupBytes", rowGroupBytes);
  }

  /** Snappy, one part file up to 512 MiB, 32 MiB row groups. */
  public static WriteOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  private static void requirePositive(String name, long value) {
    if (value <= 0) {
      throw new FlyteUserException("WriteOptions." + name + " must be positive, got " + value);
    }
  }

  /** Builder of {@link WriteOptions}; every setting has a default. */
  public static final class Builder {
    private Compression compression = Compression.SNAPPY;
    private long maxRowsPerPart = Long.MAX_VALUE;
    private long maxBytesPerPart = DEFAULT_MAX_BYTES_PER_PART;
    private long rowGroupBytes = DEFAULT_ROW_GROUP_BYTES;

    private Builder() {}

    public Builder compression(Compression compression) {
      this.compression = compression;
      return this;
    }

    public Builder maxRowsPerPart(long rows) {
      this.maxRowsPerPart = rows;
      return this;
    }

    public Builder maxBytesPerPart(long bytes) {
      this.maxBytesPerPart = bytes;
      return this;
    }

    public Builder rowGroupBytes(long bytes) {
      this.rowGroupBytes = bytes;
      return this;
    }

    public WriteOptions build() {
      return new WriteOptions(compression, maxRowsPerPart, maxBytesPerPart, rowGroupBytes);
    }
  }
}
