package dev.shimkit.parquet.internal;

import dev.shimkit.errors.FlyteUserException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Page codecs without Hadoop: GZIP with {@code java.util.zip} (parquet's own factory would load Hadoop's
 * GzipCodec), everything else through parquet's factory, which serves SNAPPY (snappy-java), ZSTD (zstd-jni),
 * LZ4_RAW (aircompressor) and UNCOMPRESSED natively. A codec neither can serve is a clear error instead of a linkage error.
 */
public final class Codecs implements CompressionCodecFactory {
  private final CodecFactory parquet =
      new CodecFactory(new PlainParquetConfiguration(), ParquetProperties.DEFAULT_PAGE_SIZE);

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    if (codec == CompressionCodecName.GZIP) {
      return new Gzip();
    }
    try {
      return parquet.getCompressor(codec);
    } catch (RuntimeException | LinkageError e) {
      throw unsupported(codec, e);
    }
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    if (codec == CompressionCodecName.GZIP) {
      return new Gzip();
    }
    try {
      return parquet.getDecompressor(codec);
    } catch (RuntimeException | LinkageError e) {
      throw unsupported(codec, e);
    }
  }

  @Override
  public void release() {
    parquet.release();
  }

  private static FlyteUserException unsupported(CompressionCodecName codec, Throwable cause) {
    return new FlyteUserException("parquet compression " + codec + " is not supported here (supported: "
        + "UNCOMPRESSED, SNAPPY, GZIP, ZSTD, LZ4_RAW); rewrite the data with one of those", cause);
  }

  /** Parquet's GZIP is plain RFC 1952 gzip of each page. */
  private static final class Gzip implements BytesInputCompressor, BytesInputDecompressor {
    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(64, bytes.size() / 2));
      try (OutputStream gzip = new GZIPOutputStream(out)) {
        bytes.writeAllTo(gzip);
      }
      return BytesInput.from(out.toByteArray());
    }

    @Override
    public CompressionCodecName getCodecName() {
      return CompressionCodecName.GZIP;
    }

    @Override
    public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
      return BytesInput.from(inflate(bytes.toByteArray(), decompressedSize));
    }

    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
        throws IOException {
      byte[] compressed = new byte[compressedSize];
      input.duplicate().get(compressed);
      output.put(inflate(compressed, decompressedSize));
    }

    private static byte[] inflate(byte[] compressed, int decompressedSize) throws IOException {
      byte[] result = new byte[decompressedSize];
      try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
        int read = in.readNBytes(result, 0, decompressedSize);
        if (read != decompressedSize) {
          throw new IOException("gzip page inflated to " + read + " bytes, the page header says " + decompressedSize);
        }
      }
      return result;
    }

    @Override
    public void release() {}
  }
}
