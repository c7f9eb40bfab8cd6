package dev.shimkit.types.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes MessagePack exactly as Python's {@code msgpack.packb(use_bin_type=True)} does (what flytekit uses
 * through mashumaro): smallest integer encodings, float64 for every float, str8/16/32 for strings, bin for
 * bytes, maps in iteration order. Input is a tree of null, Boolean, Long/Integer/Short/Byte, Double/Float,
 * String, byte[], List and Map with String keys.
 */
public final class MsgPackWriter {
  private byte[] buf = new byte[64];
  private int len;

  /** The bytes of {@code tree}. */
  public static byte[] encode(Object tree) {
    MsgPackWriter w = new MsgPackWriter();
    w.write(tree);
    return w.toByteArray();
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  public void write(Object v) {
    if (v == null) {
      put(0xc0);
    } else if (v instanceof Boolean b) {
      put(b ? 0xc3 : 0xc2);
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      writeLong(((Number) v).longValue());
    } else if (v instanceof Double || v instanceof Float) {
      writeDouble(((Number) v).doubleValue());
    } else if (v instanceof String s) {
      writeString(s);
    } else if (v instanceof byte[] b) {
      writeBinary(b);
    } else if (v instanceof List<?> l) {
      writeArrayHeader(l.size());
      for (Object o : l) {
        write(o);
      }
    } else if (v instanceof Map<?, ?> m) {
      writeMapHeader(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        write(e.getKey());
        write(e.getValue());
      }
    } else {
      throw new IllegalArgumentException("Cannot write " + v.getClass().getName() + " as MessagePack");
    }
  }

  public void writeLong(long v) {
    if (v >= 0) {
      if (v < 128) {
        put((int) v);
      } else if (v < 256) {
        put(0xcc);
        put((int) v);
      } else if (v < 65536) {
        put(0xcd);
        putN(v, 2);
      } else if (v < 4294967296L) {
        put(0xce);
        putN(v, 4);
      } else {
        put(0xcf);
        putN(v, 8);
      }
    } else if (v >= -32) {
      put((int) (v & 0xff));
    } else if (v >= Byte.MIN_VALUE) {
      put(0xd0);
      putN(v, 1);
    } else if (v >= Short.MIN_VALUE) {
      put(0xd1);
      putN(v, 2);
    } else if (v >= Integer.MIN_VALUE) {
      put(0xd2);
      putN(v, 4);
    } else {
      put(0xd3);
      putN(v, 8);
    }
  }

  public void writeDouble(double d) {
    put(0xcb);
    putN(Double.doubleToRawLongBits(d), 8);
  }

  public void writeString(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    int n = b.length;
    if (n < 32) {
      put(0xa0 | n);
    } else if (n < 256) {
      put(0xd9);
      put(n);
    } else if (n < 65536) {
      put(0xda);
      putN(n, 2);
    } else {
      put(0xdb);
      putN(n, 4);
    }
    putBytes(b);
  }

  public void writeBinary(byte[] b) {
    int n = b.length;
    if (n < 256) {
      put(0xc4);
      put(n);
    } else if (n < 65536) {
      put(0xc5);
      putN(n, 2);
    } else {
      put(0xc6);
      putN(n, 4);
    }
    putBytes(b);
  }

  public void writeArrayHeader(int n) {
    if (n < 16) {
      put(0x90 | n);
    } else if (n < 65536) {
      put(0xdc);
      putN(n, 2);
    } else {
      put(0xdd);
      putN(n, 4);
    }
  }

  public void writeMapHeader(int n) {
    if (n < 16) {
      put(0x80 | n);
    } else if (n < 65536) {
      put(0xde);
      putN(n, 2);
    } else {
      put(0xdf);
      putN(n, 4);
    }
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  private void put(int b) {
    ensure(1);
    buf[len++] = (byte) b;
  }

  private void putN(long v, int bytes) {
    ensure(bytes);
    for (int i = bytes - 1; i >= 0; i--) {
      buf[len++] = (byte) (v >>> (8 * i));
    }
  }

  private void putBytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
  }
}
