package dev.shimkit.types.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.errors.FlyteTypeException;
import dev.shimkit.types.TypeEngine;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Types.LiteralType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire bytes of a {@code LiteralMap} entry whose value is a list of primitives, written and read without
 * a protobuf message per element: the same bytes {@code LiteralMap.toByteArray()} gives (entries in map
 * order, each {@code key = 1, value = 2}; a list is {@code Literal{collection = 2}} of
 * {@code Literal{scalar = 1}{primitive = 1}{integer = 1 | float_value = 2 | string_value = 3 | boolean = 4}}).
 * Reading accepts exactly that shape and answers {@code null} for anything else, for the caller to parse
 * the literal and take the general path.
 */
public final class LiteralMapBytes {
  private static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;
  static final int MAP_ENTRY = tag(1, LEN);
  private static final int ENTRY_KEY = tag(1, LEN);
  private static final int ENTRY_VALUE = tag(2, LEN);
  private static final int LITERAL_SCALAR = tag(1, LEN);
  private static final int LITERAL_COLLECTION = tag(2, LEN);
  private static final int COLLECTION_LITERAL = tag(1, LEN);
  private static final int SCALAR_PRIMITIVE = tag(1, LEN);
  private static final int P_INTEGER = tag(1, WireFormat.WIRETYPE_VARINT);
  private static final int P_FLOAT = tag(2, WireFormat.WIRETYPE_FIXED64);
  private static final int P_STRING = tag(3, LEN);
  private static final int P_BOOLEAN = tag(4, WireFormat.WIRETYPE_VARINT);

  private LiteralMapBytes() {
  }

  private static int tag(int field, int wireType) {
    return field << 3 | wireType;
  }

  /** An entry written by the general path: the literal as protobuf writes it. */
  public static void writeEntry(CodedOutputStream out, String key, Literal value) throws IOException {
    int keySize = CodedOutputStream.computeStringSize(1, key);
    out.writeTag(1, LEN);
    out.writeUInt32NoTag(keySize + CodedOutputStream.computeMessageSize(2, value));
    out.writeString(1, key);
    out.writeMessage(2, value);
  }

  /** Size of one element's primitive message body. */
  private static int primitiveSize(PrimitiveLists.Kind kind, Object v) {
    return switch (kind) {
      case LONG -> 1 + CodedOutputStream.computeInt64SizeNoTag((Long) v);
      case INT -> 1 + CodedOutputStream.computeInt64SizeNoTag((Integer) v);
      case DOUBLE -> 1 + 8;
      case BOOL -> 1 + 1;
      case STRING -> 1 + CodedOutputStream.computeStringSizeNoTag((String) v);
    };
  }

  private static int delimited(int size) {
    return 1 + CodedOutputStream.computeUInt32SizeNoTag(size) + size;
  }

  /**
   * Writes the entry {@code key → values} as a collection literal; false (nothing written) when an element is
   * null or not of the kind's class, for the caller to take the general path.
   */
  public static boolean writeListEntry(CodedOutputStream out, String key, PrimitiveLists.Kind kind, List<?> values)
      throws IOException {
    int n = values.size();
    int[] sizes = new int[n];
    long collection = 0;
    for (int i = 0; i < n; i++) {
      Object v = values.get(i);
      if (v == null || v.getClass() != kind.javaClass) {
        return false;
      }
      int p = primitiveSize(kind, v);
      sizes[i] = p;
      collection += delimited(delimited(delimited(p)));
    }
    long literal = 1 + CodedOutputStream.computeUInt32SizeNoTag((int) collection) + collection;
    long entry = CodedOutputStream.computeStringSize(1, key) + delimited((int) literal);
    if (entry > Integer.MAX_VALUE - 16) {
      throw new FlyteTypeException("a list of " + n + " elements is over protobuf's 2 GiB message limit");
    }
    out.writeTag(1, LEN);
    out.writeUInt32NoTag((int) entry);
    out.writeString(1, key);
    out.writeTag(2, LEN);
    out.writeUInt32NoTag((int) literal);
    out.writeTag(2, LEN);
    out.writeUInt32NoTag((int) collection);
    for (int i = 0; i < n; i++) {
      int p = sizes[i];
      int scalar = delimited(p);
      out.writeTag(1, LEN);
      out.writeUInt32NoTag(delimited(scalar));
      out.writeTag(1, LEN);
      out.writeUInt32NoTag(scalar);
      out.writeTag(1, LEN);
      out.writeUInt32NoTag(p);
      Object v = values.get(i);
      switch (kind) {
        case LONG -> out.writeInt64(1, (Long) v);
        case INT -> out.writeInt64(1, (Integer) v);
        case DOUBLE -> out.writeDouble(2, (Double) v);
        case BOOL -> out.writeBool(4, (Boolean) v);
        case STRING -> out.writeString(3, (String) v);
      }
    }
    return true;
  }

  /**
   * The list a literal's bytes ({@code bytes[offset, offset + length)}) hold, or null when they are not exactly
   * a collection of primitives of the kind (then the caller parses the literal).
   */
  public static List<Object> readList(byte[] bytes, int offset, int length, PrimitiveLists.Kind kind) {
    try {
      CodedInputStream in = CodedInputStream.newInstance(bytes, offset, length);
      if (in.readTag() != LITERAL_COLLECTION) {
        return null;
      }
      int end = in.pushLimit(in.readRawVarint32());
      List<Object> out = new ArrayList<>();
      while (!in.isAtEnd()) {
        if (in.readTag() != COLLECTION_LITERAL) {
          return null;
        }
        int literalEnd = in.pushLimit(in.readRawVarint32());
        if (in.readTag() != LITERAL_SCALAR) {
          return null;
        }
        int scalarEnd = in.pushLimit(in.readRawVarint32());
        if (in.readTag() != SCALAR_PRIMITIVE) {
          return null;
        }
        int primitiveEnd = in.pushLimit(in.readRawVarint32());
        Object v = readPrimitive(in, kind);
        if (v == null || !in.isAtEnd()) {
          return null;
        }
        in.popLimit(primitiveEnd);
        if (!in.isAtEnd()) {
          return null;
        }
        in.popLimit(scalarEnd);
        if (!in.isAtEnd()) {
          return null;
        }
        in.popLimit(literalEnd);
        out.add(v);
      }
      in.popLimit(end);
      return in.isAtEnd() ? out : null;
    } catch (InvalidProtocolBufferException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object readPrimitive(CodedInputStream in, PrimitiveLists.Kind kind) throws IOException {
    int tag = in.readTag();
    return switch (kind) {
      case LONG -> tag == P_INTEGER ? (Object) in.readInt64() : null;
      case INT -> {
        if (tag != P_INTEGER) {
          yield null;
        }
        long v = in.readInt64();
        yield v == (int) v ? (Object) (int) v : null;
      }
      case DOUBLE -> tag == P_FLOAT ? (Object) in.readDouble() : tag == P_INTEGER ? (Object) (double) in.readInt64()
          : null;
      case BOOL -> tag == P_BOOLEAN ? (Object) in.readBool() : null;
      case STRING -> tag == P_STRING ? in.readStringRequireUtf8() : null;
    };
  }

  /** The key and where the value's bytes are, of the map entry the stream is at (after its tag). */
  record Entry(String key, int valueOffset, int valueLength) {
  }

  static Entry readEntry(CodedInputStream in, int base) throws IOException {
    int end = in.pushLimit(in.readRawVarint32());
    String key = "";
    int valueOffset = -1;
    int valueLength = 0;
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      if (tag == ENTRY_KEY) {
        key = in.readStringRequireUtf8();
      } else if (tag == ENTRY_VALUE && valueOffset < 0) {
        valueLength = in.readRawVarint32();
        valueOffset = base + in.getTotalBytesRead();
        in.skipRawBytes(valueLength);
      } else {
        return null;
      }
    }
    in.popLimit(end);
    return valueOffset < 0 ? null : new Entry(key, valueOffset, valueLength);
  }

  /**
   * What {@code engine.toLiteralMap(ctx, kind, values, javaTypes, literalTypes).toByteArray()} gives, with
   * lists of primitives written straight to bytes.
   */
  public static byte[] write(TypeEngine engine, FlyteContext ctx, String kind, Map<String, ?> values,
      Map<String, Type> javaTypes, Map<String, LiteralType> literalTypes) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    CodedOutputStream out = CodedOutputStream.newInstance(bytes, 1 << 16);
    try {
      for (Map.Entry<String, ?> e : values.entrySet()) {
        String name = kind + " '" + e.getKey() + "'";
        LiteralType expected = LiteralTypes.declared(name, e.getKey(), literalTypes);
        Type t = javaTypes == null ? null : javaTypes.get(e.getKey());
        Object value = e.getValue();
        if (t != null && value instanceof List<?> list && fastList(engine, t, expected)
            && writeListEntry(out, e.getKey(), PrimitiveLists.kindOfList(engine, t), list)) {
          continue;
        }
        writeEntry(out, e.getKey(), engine.toLiteral(ctx, name, value, t == null ? Object.class : t, expected));
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static boolean fastList(TypeEngine engine, Type listType, LiteralType expected) {
    PrimitiveLists.Kind kind = PrimitiveLists.kindOfList(engine, listType);
    if (kind == null) {
      return false;
    }
    LiteralType lt = expected != null ? expected : engine.toLiteralType(listType);
    return lt.hasCollectionType()
        && PrimitiveLists.kindOfElement(engine, kind.javaClass, lt.getCollectionType()) == kind;
  }

  /**
   * The Java values of a serialized {@code LiteralMap}, lists of primitives read straight from the bytes, the
   * rest parsed and converted as {@code engine.toJava} does; in map order. Null when the map itself is not
   * in the plain shape (an entry without a value, a field protobuf would merge), for the caller to parse it whole.
   */
  public static Map<String, Object> read(TypeEngine engine, FlyteContext ctx, String kind, byte[] bytes,
      Map<String, Type> javaTypes) throws InvalidProtocolBufferException {
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    Map<String, Object> out = new LinkedHashMap<>();
    try {
      while (!in.isAtEnd()) {
        if (in.readTag() != MAP_ENTRY) {
          return null;
        }
        Entry entry = readEntry(in, 0);
        if (entry == null) {
          return null;
        }
        Type t = javaTypes == null ? null : javaTypes.get(entry.key());
        PrimitiveLists.Kind listKind = t == null ? null : PrimitiveLists.kindOfList(engine, t);
        List<Object> fast = listKind == null ? null
            : readList(bytes, entry.valueOffset(), entry.valueLength(), listKind);
        if (fast != null) {
          out.put(entry.key(), fast);
        } else {
          Literal literal = Literal.parser().parseFrom(bytes, entry.valueOffset(), entry.valueLength());
          out.put(entry.key(), engine.toJava(ctx, kind + " '" + entry.key() + "'", literal,
              t == null ? Object.class : t));
        }
      }
    } catch (InvalidProtocolBufferException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
