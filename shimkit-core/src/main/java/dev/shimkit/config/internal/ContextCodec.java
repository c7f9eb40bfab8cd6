package dev.shimkit.config.internal;

import dev.shimkit.errors.FlyteValidationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/**
 * The {@code _F_SS_C} transport: text -> gzip -> standard base64 with padding, and back.
 *
 * <p>The gzip stream is written byte for byte as Python's {@code gzip.GzipFile(mode="wb", fileobj=BytesIO(),
 * mtime=0)} writes it, so equal JSON gives equal output in both: header {@code 1f 8b 08 00 00 00 00 00 02 ff}
 * (deflate, no flags, mtime 0, XFL 2 = best compression, OS 255 = unknown), raw deflate at level 9, then
 * CRC-32 and length, little-endian. (Java's {@code GZIPOutputStream} would differ: level 6, XFL 0.)
 */
public final class ContextCodec {
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 0x08, 0, 0, 0, 0, 0, 0x02, (byte) 0xff};

  private ContextCodec() {
  }

  /** The gzip bytes of {@code text} (UTF-8), deterministic. */
  public static byte[] gzip(String text) {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
    try {
      out.writeBytes(HEADER);
      deflater.setInput(data);
      deflater.finish();
      byte[] buf = new byte[8192];
      while (!deflater.finished()) {
        int n = deflater.deflate(buf);
        out.write(buf, 0, n);
      }
    } finally {
      deflater.end();
    }
    CRC32 crc = new CRC32();
    crc.update(data);
    ByteBuffer trailer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    trailer.putInt((int) crc.getValue()).putInt(data.length);
    out.writeBytes(trailer.array());
    return out.toByteArray();
  }

  /** base64(gzip(text)). */
  public static String encode(String text) {
    return Base64.getEncoder().encodeToString(gzip(text));
  }

  /** The text inside a base64 gzip string; a clear error when it is not one. */
  public static String decode(String transport) {
    if (transport == null || transport.isEmpty()) {
      throw new FlyteValidationException("Serialized context (_F_SS_C) is empty; expected base64 of gzip JSON");
    }
    byte[] compressed;
    try {
      compressed = Base64.getDecoder().decode(transport.strip());
    } catch (IllegalArgumentException e) {
      throw new FlyteValidationException("Serialized context (_F_SS_C) is not valid base64: " + e.getMessage()
          + "; it must be the value SerializationSettings.serializedContext() produced", e);
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new FlyteValidationException("Serialized context (_F_SS_C) is not gzip data: " + e.getMessage()
          + "; it must be the value SerializationSettings.serializedContext() produced", e);
    }
  }
}
