package dev.shimkit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import dev.shimkit.errors.FlyteValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON-able Java values to {@code google.protobuf.Struct} and back, the way flytekit turns a task's
 * {@code custom} dict into the template ({@code json.dumps} then {@code json_format.Parse}): numbers become
 * doubles, nested maps and lists are kept.
 *
 * <p>Reading a template's {@code custom} is on the start-up path of every template task, so it walks the Struct
 * directly (no {@code JsonFormat}, which pulls in Gson) and creates the Jackson mapper only when a typed config
 * is asked for. Non-finite numbers, which have no JSON number form, take the {@code JsonFormat} path as before.
 */
public final class Structs {
  private static final class Mapper {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private Structs() {
  }

  /** {@code value} (a map, record or POJO Jackson can write) as a Struct. */
  public static Struct toStruct(Object value) {
    try {
      String json = Mapper.MAPPER.writeValueAsString(value);
      Struct.Builder b = Struct.newBuilder();
      JsonFormat.parser().merge(json, b);
      return b.build();
    } catch (com.fasterxml.jackson.core.JsonProcessingException | InvalidProtocolBufferException e) {
      throw new FlyteValidationException("Task custom config must be JSON-serializable (maps, lists, strings, "
          + "numbers, booleans, records): " + e.getMessage(), e);
    }
  }

  /** The Struct as JSON text. */
  public static String toJson(Struct struct) {
    try {
      return JsonFormat.printer().omittingInsignificantWhitespace().print(struct);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a Struct always prints as JSON", e);
    }
  }

  /**
   * The Struct as plain Java maps ({@link LinkedHashMap}), lists ({@link ArrayList}), strings, doubles,
   * booleans and nulls: what parsing its JSON gives.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> toMap(Struct struct) {
    if (!allFinite(struct)) {
      try {
        return Mapper.MAPPER.readValue(toJson(struct), Map.class);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("a Struct's JSON always parses", e);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    struct.getFieldsMap().forEach((k, v) -> out.put(k, plain(v)));
    return out;
  }

  private static Object plain(Value v) {
    return switch (v.getKindCase()) {
      case NUMBER_VALUE -> v.getNumberValue();
      case STRING_VALUE -> v.getStringValue();
      case BOOL_VALUE -> v.getBoolValue();
      case STRUCT_VALUE -> {
        Map<String, Object> m = new LinkedHashMap<>();
        v.getStructValue().getFieldsMap().forEach((k, x) -> m.put(k, plain(x)));
        yield m;
      }
      case LIST_VALUE -> {
        List<Object> l = new ArrayList<>(v.getListValue().getValuesCount());
        v.getListValue().getValuesList().forEach(x -> l.add(plain(x)));
        yield l;
      }
      case NULL_VALUE, KIND_NOT_SET -> null;
    };
  }

  private static boolean allFinite(Struct struct) {
    for (Value v : struct.getFieldsMap().values()) {
      if (!finite(v)) {
        return false;
      }
    }
    return true;
  }

  private static boolean finite(Value v) {
    return switch (v.getKindCase()) {
      case NUMBER_VALUE -> Double.isFinite(v.getNumberValue());
      case STRUCT_VALUE -> allFinite(v.getStructValue());
      case LIST_VALUE -> v.getListValue().getValuesList().stream().allMatch(Structs::finite);
      default -> true;
    };
  }

  /** JSON text of a finite Struct, written as {@code JsonFormat} writes it (numbers as {@link Double#toString}). */
  private static String json(Struct struct) {
    StringBuilder b = new StringBuilder();
    writeStruct(b, struct);
    return b.toString();
  }

  private static void writeStruct(StringBuilder b, Struct struct) {
    b.append('{');
    boolean first = true;
    for (Map.Entry<String, Value> e : struct.getFieldsMap().entrySet()) {
      if (!first) {
        b.append(',');
      }
      first = false;
      writeString(b, e.getKey());
      b.append(':');
      writeValue(b, e.getValue());
    }
    b.append('}');
  }

  private static void writeValue(StringBuilder b, Value v) {
    switch (v.getKindCase()) {
      case NUMBER_VALUE -> b.append(v.getNumberValue());
      case STRING_VALUE -> writeString(b, v.getStringValue());
      case BOOL_VALUE -> b.append(v.getBoolValue());
      case STRUCT_VALUE -> writeStruct(b, v.getStructValue());
      case LIST_VALUE -> {
        b.append('[');
        for (int i = 0; i < v.getListValue().getValuesCount(); i++) {
          if (i > 0) {
            b.append(',');
          }
          writeValue(b, v.getListValue().getValues(i));
        }
        b.append(']');
      }
      case NULL_VALUE, KIND_NOT_SET -> b.append("null");
    }
  }

  private static void writeString(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  /** The Struct as an instance of {@code type} (a record or POJO with matching property names). */
  public static <C> C toObject(Struct struct, Class<C> type) {
    try {
      return Mapper.MAPPER.readerFor(type)
          .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(allFinite(struct) ? json(struct) : toJson(struct));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new FlyteValidationException("The template's custom config does not fit " + type.getName() + ": "
          + e.getOriginalMessage(), e);
    }
  }
}
