package dev.shimkit.parquet.internal;

import dev.shimkit.parquet.Compression;
import dev.shimkit.parquet.TableSchema;
import dev.shimkit.parquet.WriteOptions;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/** One part file being written: parquet's writer on a local file, no Hadoop configuration involved. */
public final class PartWriter implements AutoCloseable {
  private final Path file;
  private final Codecs codecs = new Codecs();
  private final ParquetWriter<RowBuffer> writer;
  private long rows;

  public PartWriter(Path file, TableSchema schema, WriteOptions options) throws IOException {
    this.file = file;
    this.writer = new Builder(new LocalOutputFile(file), schema)
        .withConf(new PlainParquetConfiguration())
        .withWriteMode(ParquetFileWriter.Mode.CREATE)
        .withCodecFactory(codecs)
        .withCompressionCodec(codec(options.compression()))
        .withRowGroupSize(options.rowGroupBytes())
        .build();
  }

  public Path file() {
    return file;
  }

  public long rows() {
    return rows;
  }

  public void write(RowBuffer row) throws IOException {
    writer.write(row);
    rows++;
  }

  /** Bytes written so far plus those buffered for the current row group. */
  public long dataSize() {
    return writer.getDataSize();
  }

  @Override
  public void close() throws IOException {
    try {
      writer.close();
    } finally {
      codecs.release();
    }
  }

  private static CompressionCodecName codec(Compression compression) {
    return switch (compression) {
      case UNCOMPRESSED -> CompressionCodecName.UNCOMPRESSED;
      case SNAPPY -> CompressionCodecName.SNAPPY;
      case GZIP -> CompressionCodecName.GZIP;
      case ZSTD -> CompressionCodecName.ZSTD;
      case LZ4_RAW -> CompressionCodecName.LZ4_RAW;
    };
  }

  private static final class Builder extends ParquetWriter.Builder<RowBuffer, Builder> {
    private final TableSchema schema;

    Builder(OutputFile file, TableSchema schema) {
      super(file);
      this.schema = schema;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<RowBuffer> getWriteSupport(org.apache.hadoop.conf.Configuration configuration) {
      return new RowWriteSupport(schema);
    }

    @Override
    protected WriteSupport<RowBuffer> getWriteSupport(ParquetConfiguration configuration) {
      return new RowWriteSupport(schema);
    }
  }
}
