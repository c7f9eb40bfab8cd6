package dev.shimkit.types.internal;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.shimkit.types.Types;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON schema flytekit (through mashumaro's {@code build_json_schema}) puts in a dataclass STRUCT type's
 * metadata: {@code title}, {@code type: object}, {@code properties}, {@code required} (fields without a
 * default, here: the non-optional ones), {@code additionalProperties: false}; nested structs inline;
 * optional fields as {@code anyOf [T, null]} with {@code default: null}.
 */
public final class JsonSchemas {
  private JsonSchemas() {
  }

  /** The schema of a struct class. */
  public static Struct ofStruct(Class<?> c) {
    StructShape shape = StructShape.of(c);
    Struct.Builder props = Struct.newBuilder();
    ListValue.Builder required = ListValue.newBuilder();
    for (StructShape.Property p : shape.properties()) {
      Value schema = of(p.type());
      if (p.optional()) {
        Struct s = Types.rawClass(p.type()) == Optional.class ? schema.getStructValue()
            : nullable(schema).getStructValue();
        schema = Value.newBuilder().setStructValue(s.toBuilder()
            .putFields("default", Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build())).build();
      } else {
        required.addValues(str(p.name()));
      }
      props.putFields(p.name(), schema);
    }
    return Struct.newBuilder()
        .putFields("title", str(c.getSimpleName()))
        .putFields("type", str("object"))
        .putFields("properties", Value.newBuilder().setStructValue(props).build())
        .putFields("additionalProperties", Value.newBuilder().setBoolValue(false).build())
        .putFields("required", Value.newBuilder().setListValue(required).build())
        .build();
  }

  /** The schema of one field type. */
  public static Value of(Type t) {
    Class<?> raw = Types.rawClass(t);
    if (raw == long.class || raw == Long.class || raw == int.class || raw == Integer.class || raw == short.class
        || raw == Short.class || raw == byte.class || raw == Byte.class) {
      return type("integer");
    }
    if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
      return type("number");
    }
    if (raw == String.class) {
      return type("string");
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return type("boolean");
    }
    if (raw == Instant.class) {
      return withFormat("string", "date-time");
    }
    if (raw == Duration.class) {
      return withFormat("number", "time-delta");
    }
    if (raw == byte[].class) {
      return withFormat("string", "binary");
    }
    if (raw.isEnum()) {
      ListValue.Builder values = ListValue.newBuilder();
      for (Object e : raw.getEnumConstants()) {
        values.addValues(str(EnumTransformer.valueOf((Enum<?>) e)));
      }
      return obj(Struct.newBuilder().putFields("enum", Value.newBuilder().setListValue(values).build()));
    }
    if (List.class.isAssignableFrom(raw)) {
      return obj(Struct.newBuilder().putFields("type", str("array")).putFields("items", of(Types.argument(t, 0))));
    }
    if (Map.class.isAssignableFrom(raw)) {
      return obj(Struct.newBuilder().putFields("type", str("object"))
          .putFields("additionalProperties", of(Types.argument(t, 1))));
    }
    if (raw == Optional.class) {
      return nullable(of(Types.argument(t, 0)));
    }
    if (raw != Object.class && StructShape.isStruct(raw)) {
      return obj(ofStruct(raw).toBuilder());
    }
    return obj(Struct.newBuilder());
  }

  private static Value nullable(Value schema) {
    return obj(Struct.newBuilder().putFields("anyOf", Value.newBuilder().setListValue(
        ListValue.newBuilder().addValues(schema).addValues(type("null"))).build()));
  }

  private static Value type(String name) {
    return obj(Struct.newBuilder().putFields("type", str(name)));
  }

  private static Value withFormat(String name, String format) {
    return obj(Struct.newBuilder().putFields("type", str(name)).putFields("format", str(format)));
  }

  private static Value obj(Struct.Builder s) {
    return Value.newBuilder().setStructValue(s).build();
  }

  private static Value str(String s) {
    return Value.newBuilder().setStringValue(s).build();
  }
}
