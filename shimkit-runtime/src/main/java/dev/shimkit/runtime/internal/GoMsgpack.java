package dev.shimkit.runtime.internal;

import dev.shimkit.errors.FlyteValidationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Renders msgpack bytes (a {@code Binary} literal tagged {@code msgpack}, as flytekit writes dataclasses) the
 * way Flyte's backend does: decoded into Go values, then printed with {@code %v}, e.g.
 * {@code map[a:1 b:true c:1.1 d:string]}. Maps print with keys sorted, arrays as {@code [a b]}, nil as
 * {@code <nil>}, binary as its byte values. Extension types (msgpack timestamps) are refused: the backend
 * decodes them to Go {@code time.Time} values whose text depends on its time zone.
 */
public final class GoMsgpack {
  private final ByteBuffer in;

  private GoMsgpack(byte[] bytes) {
    this.in = ByteBuffer.wrap(bytes);
  }

  /** The {@code %v} text of the single msgpack value in {@code bytes}. */
  public static String format(byte[] bytes) {
    GoMsgpack reader = new GoMsgpack(bytes);
    try {
      Value v = reader.read();
      return v.text;
    } catch (java.nio.BufferUnderflowException e) {
      throw new FlyteValidationException("Malformed msgpack value: it ends early (" + bytes.length + " bytes)");
    }
  }

  /** A decoded value: its %v text, and how it sorts as a map key (kind first, then value). */
  private record Value(String text, int kind, Comparable<?> sortKey) {}

  private static final int NIL = 0;
  private static final int BOOL = 1;
  private static final int INT = 2;
  private static final int FLOAT = 3;
  private static final int STRING = 4;
  private static final int OTHER = 5;

  private Value read() {
    int code = in.get() & 0xff;
    if (code <= 0x7f) {
      return integer(code);
    }
    if (code >= 0xe0) {
      return integer((byte) code);
    }
    if ((code & 0xf0) == 0x80) {
      return map(code & 0x0f);
    }
    if ((code & 0xf0) == 0x90) {
      return array(code & 0x0f);
    }
    if ((code & 0xe0) == 0xa0) {
      return string(code & 0x1f);
    }
    return switch (code) {
      case 0xc0 -> new Value("<nil>", NIL, 0);
      case 0xc2 -> new Value("false", BOOL, 0);
      case 0xc3 -> new Value("true", BOOL, 1);
      case 0xc4 -> binary(in.get() & 0xff);
      case 0xc5 -> binary(in.getShort() & 0xffff);
      case 0xc6 -> binary(length(in.getInt()));
      case 0xca -> {
        float f = in.getFloat();
        yield new Value(GoFormat.formatFloat32(f), FLOAT, (double) f);
      }
      case 0xcb -> {
        double d = in.getDouble();
        yield new Value(GoFormat.formatFloat64(d), FLOAT, d);
      }
      case 0xcc -> integer(in.get() & 0xff);
      case 0xcd -> integer(in.getShort() & 0xffff);
      case 0xce -> integer(in.getInt() & 0xffffffffL);
      case 0xcf -> {
        long u = in.getLong();
        yield new Value(Long.toUnsignedString(u), INT, new java.math.BigInteger(Long.toUnsignedString(u)));
      }
      case 0xd0 -> integer(in.get());
      case 0xd1 -> integer(in.getShort());
      case 0xd2 -> integer(in.getInt());
      case 0xd3 -> integer(in.getLong());
      case 0xd9 -> string(in.get() & 0xff);
      case 0xda -> string(in.getShort() & 0xffff);
      case 0xdb -> string(length(in.getInt()));
      case 0xdc -> array(in.getShort() & 0xffff);
      case 0xdd -> array(length(in.getInt()));
      case 0xde -> map(in.getShort() & 0xffff);
      case 0xdf -> map(length(in.getInt()));
      default -> throw new FlyteValidationException(String.format(
          "Unsupported msgpack value (type byte 0x%02x): Flyte's backend can render only nil, booleans, numbers, "
              + "strings, binary, arrays and maps in a template", code));
    };
  }

  private int length(int raw) {
    if (raw < 0 || raw > in.remaining()) {
      throw new FlyteValidationException("Malformed msgpack value: length " + Integer.toUnsignedString(raw)
          + " exceeds the " + in.remaining() + " bytes left");
    }
    return raw;
  }

  private static Value integer(long v) {
    return new Value(Long.toString(v), INT, java.math.BigInteger.valueOf(v));
  }

  private Value string(int n) {
    byte[] b = new byte[length(n)];
    in.get(b);
    return new Value(new String(b, StandardCharsets.UTF_8), STRING, new Utf8Key(b));
  }

  private Value binary(int n) {
    byte[] b = new byte[length(n)];
    in.get(b);
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < b.length; i++) {
      out.append(i == 0 ? "" : " ").append(b[i] & 0xff);
    }
    return new Value(out.append(']').toString(), OTHER, out.toString());
  }

  private Value array(int n) {
    length(n);
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      out.append(i == 0 ? "" : " ").append(read().text);
    }
    return new Value(out.append(']').toString(), OTHER, out.toString());
  }

  private Value map(int n) {
    length(n);
    List<Value[]> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Value key = read();
      entries.add(new Value[] {key, read()});
    }
    entries.sort(Comparator.comparing((Value[] e) -> e[0], GoMsgpack::compareKeys));
    StringBuilder out = new StringBuilder("map[");
    for (int i = 0; i < entries.size(); i++) {
      out.append(i == 0 ? "" : " ").append(entries.get(i)[0].text).append(':').append(entries.get(i)[1].text);
    }
    return new Value(out.append(']').toString(), OTHER, out.toString());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareKeys(Value a, Value b) {
    if (a.kind != b.kind) {
      return Integer.compare(a.kind, b.kind);
    }
    return ((Comparable) a.sortKey).compareTo(b.sortKey);
  }

  /** Strings sort by their UTF-8 bytes, as Go compares strings. */
  private record Utf8Key(byte[] bytes) implements Comparable<Utf8Key> {
    @Override
    public int compareTo(Utf8Key o) {
      return Arrays.compareUnsigned(bytes, o.bytes);
    }
  }
}
