package dev.shimkit.types.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads MessagePack into a tree: null, Boolean, Long, Double, String, byte[], List (ArrayList) and Map
 * (LinkedHashMap, in stream order). Extension types and unsigned integers above {@code Long.MAX_VALUE} are
 * rejected with a message saying so.
 */
public final class MsgPackReader {
  private final byte[] in;
  private int pos;

  private MsgPackReader(byte[] in) {
    this.in = in;
  }

  /** The tree in {@code bytes}, which must hold exactly one value. */
  public static Object decode(byte[] bytes) {
    MsgPackReader r = new MsgPackReader(bytes);
    Object v = r.read();
    if (r.pos != bytes.length) {
      throw new IllegalArgumentException("MessagePack has " + (bytes.length - r.pos) + " extra bytes after the value");
    }
    return v;
  }

  private Object read() {
    int b = u8();
    if (b <= 0x7f) {
      return (long) b;
    }
    if (b >= 0xe0) {
      return (long) (byte) b;
    }
    if ((b & 0xf0) == 0x80) {
      return map(b & 0x0f);
    }
    if ((b & 0xf0) == 0x90) {
      return array(b & 0x0f);
    }
    if ((b & 0xe0) == 0xa0) {
      return str(b & 0x1f);
    }
    return switch (b) {
      case 0xc0 -> null;
      case 0xc2 -> Boolean.FALSE;
      case 0xc3 -> Boolean.TRUE;
      case 0xc4 -> bytes((int) n(1));
      case 0xc5 -> bytes((int) n(2));
      case 0xc6 -> bytes(len32());
      case 0xca -> (double) Float.intBitsToFloat((int) n(4));
      case 0xcb -> Double.longBitsToDouble(n(8));
      case 0xcc -> n(1);
      case 0xcd -> n(2);
      case 0xce -> n(4);
      case 0xcf -> {
        long v = n(8);
        if (v < 0) {
          throw new IllegalArgumentException("MessagePack unsigned integer " + Long.toUnsignedString(v)
              + " does not fit a Java long");
        }
        yield v;
      }
      case 0xd0 -> (long) (byte) n(1);
      case 0xd1 -> (long) (short) n(2);
      case 0xd2 -> (long) (int) n(4);
      case 0xd3 -> n(8);
      case 0xd9 -> str((int) n(1));
      case 0xda -> str((int) n(2));
      case 0xdb -> str(len32());
      case 0xdc -> array((int) n(2));
      case 0xdd -> array(len32());
      case 0xde -> map((int) n(2));
      case 0xdf -> map(len32());
      default -> throw new IllegalArgumentException(String.format(
          "Unsupported MessagePack type byte 0x%02x at offset %d (extension types are not supported)", b, pos - 1));
    };
  }

  private List<Object> array(int n) {
    List<Object> out = new ArrayList<>(Math.min(n, 1 << 16));
    for (int i = 0; i < n; i++) {
      out.add(read());
    }
    return out;
  }

  private Map<Object, Object> map(int n) {
    Map<Object, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      Object k = read();
      out.put(k, read());
    }
    return out;
  }

  private String str(int n) {
    need(n);
    String s = new String(in, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }

  private byte[] bytes(int n) {
    need(n);
    byte[] out = Arrays.copyOfRange(in, pos, pos + n);
    pos += n;
    return out;
  }

  private int len32() {
    long n = n(4);
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("MessagePack length " + n + " too large");
    }
    return (int) n;
  }

  private int u8() {
    need(1);
    return in[pos++] & 0xff;
  }

  private long n(int bytes) {
    need(bytes);
    long v = 0;
    for (int i = 0; i < bytes; i++) {
      v = (v << 8) | (in[pos++] & 0xff);
    }
    return v;
  }

  private void need(int n) {
    if (n < 0 || pos + n > in.length) {
      throw new IllegalArgumentException("MessagePack truncated at offset " + pos);
    }
  }
}
