package dev.shimkit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import dev.shimkit.errors.FlyteValidationException;
import java.util.Map;

/**
 * JSON-able Java values to {@code google.protobuf.Struct} and back, the way flytekit turns a task's
 * {@code custom} dict into the template ({@code json.dumps} then {@code json_format.Parse}): numbers become
 * doubles, nested maps and lists are kept.
 */
public final class Structs {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Structs() {
  }

  /** {@code value} (a map, record or POJO Jackson can write) as a Struct. */
  public static Struct toStruct(Object value) {
    try {
      String json = MAPPER.writeValueAsString(value);
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

  /** The Struct as plain Java maps, lists, strings, doubles, booleans and nulls. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> toMap(Struct struct) {
    try {
      return MAPPER.readValue(toJson(struct), Map.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a Struct's JSON always parses", e);
    }
  }

  /** The Struct as an instance of {@code type} (a record or POJO with matching property names). */
  public static <C> C toObject(Struct struct, Class<C> type) {
    try {
      return MAPPER.readerFor(type).without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(toJson(struct));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new FlyteValidationException("The template's custom config does not fit " + type.getName() + ": "
          + e.getOriginalMessage(), e);
    }
  }
}
