package dev.shimkit.types.internal;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.errors.FlyteTypeException;
import dev.shimkit.types.FlyteDirectory;
import dev.shimkit.types.FlyteFile;
import dev.shimkit.types.StructuredDataset;
import dev.shimkit.types.Types;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Java values ↔ the plain tree (maps, lists, Long, Double, String, Boolean, byte[], null) that is written as
 * msgpack, mirroring mashumaro's dataclass encoding as flytekit uses it: fields in declaration order, enums
 * as their value, {@code Instant} as Python's {@code isoformat()} ({@code 2024-01-15T10:30:45.123456+00:00}),
 * {@code Duration} as float seconds, files and directories as {@code {"path": uri}} (local ones uploaded),
 * datasets as {@code {"uri", "file_format"}}. Also reads the older JSON {@code Struct} form.
 */
public final class StructTrees {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private StructTrees() {
  }

  /** {@code v}, declared as {@code t}, as a tree. */
  public static Object toTree(FlyteContext ctx, Object v, Type t) {
    if (v == null) {
      return null;
    }
    Class<?> raw = Types.rawClass(t);
    if (raw == Object.class || t instanceof Class<?> c && c.getTypeParameters().length > 0 && !raw.isInstance(v)) {
      raw = v.getClass();
      t = v instanceof List ? Types.listOf(Object.class) : v instanceof Map ? Types.mapOf(Object.class)
          : v instanceof Optional ? Types.optionalOf(Object.class) : raw;
    }
    if (raw == long.class || raw == Long.class || raw == int.class || raw == Integer.class || raw == short.class
        || raw == Short.class || raw == byte.class || raw == Byte.class) {
      if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
        return ((Number) v).longValue();
      }
    } else if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
      if (v instanceof Double || v instanceof Float) {
        return ((Number) v).doubleValue();
      }
    } else if (raw == String.class || raw == Boolean.class || raw == boolean.class || raw == byte[].class) {
      if (raw.isInstance(v) || raw == boolean.class && v instanceof Boolean) {
        return v;
      }
    } else if (raw == Instant.class && v instanceof Instant i) {
      return isoformat(i);
    } else if (raw == Duration.class && v instanceof Duration d) {
      return d.getSeconds() + d.getNano() / 1e9;
    } else if (raw.isEnum() && v instanceof Enum<?> e) {
      return EnumTransformer.valueOf(e);
    } else if (List.class.isAssignableFrom(raw) && v instanceof List<?> l) {
      Type et = Types.argument(t, 0);
      List<Object> out = new ArrayList<>(l.size());
      int i = 0;
      for (Object o : l) {
        out.add(nested("element [" + i++ + "]", () -> toTree(ctx, o, et)));
      }
      return out;
    } else if (Map.class.isAssignableFrom(raw) && v instanceof Map<?, ?> m) {
      Type vt = Types.argument(t, 1);
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String k)) {
          throw new FlyteTypeException("map keys must be strings, got " + Values.describe(e.getKey()));
        }
        out.put(k, nested("key '" + k + "'", () -> toTree(ctx, e.getValue(), vt)));
      }
      return out;
    } else if (raw == Optional.class && v instanceof Optional<?> o) {
      return o.isEmpty() ? null : toTree(ctx, o.get(), Types.argument(t, 0));
    } else if (raw == FlyteFile.class && v instanceof FlyteFile f) {
      return pathMap(BlobTransformer.uriFor(ctx, f.path(), f.remoteSource().orElse(null), false));
    } else if (raw == FlyteDirectory.class && v instanceof FlyteDirectory d) {
      return pathMap(BlobTransformer.uriFor(ctx, d.path(), d.remoteSource().orElse(null), true));
    } else if (raw == StructuredDataset.class && v instanceof StructuredDataset sd) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("uri", sd.uri());
      out.put("file_format", sd.fileFormat());
      return out;
    } else if (raw.isInstance(v) && StructShape.isStruct(raw)) {
      StructShape shape = StructShape.of(v.getClass());
      Map<String, Object> out = new LinkedHashMap<>();
      for (StructShape.Property p : shape.properties()) {
        Object fv = shape.get(v, p);
        if (fv == null && !p.optional()) {
          throw new FlyteTypeException("field '" + p.name() + "' of " + raw.getSimpleName()
              + " is null; declare it Optional<...> (or @Nullable) to allow no value");
        }
        out.put(p.name(), nested("field '" + p.name() + "'", () -> toTree(ctx, fv, p.type())));
      }
      return out;
    }
    throw new FlyteTypeException("expected java " + t.getTypeName() + ", got " + Values.describe(v));
  }

  /** {@code tree} as a value of {@code t}. */
  public static Object fromTree(FlyteContext ctx, Object tree, Type t) {
    Class<?> raw = Types.rawClass(t);
    if (raw == Object.class) {
      return tree;
    }
    if (tree == null) {
      if (raw == Optional.class) {
        return Optional.empty();
      }
      if (raw.isPrimitive()) {
        throw new FlyteTypeException("expected java " + raw.getName() + ", got null");
      }
      return null;
    }
    if (raw == long.class || raw == Long.class) {
      return integral(tree, t, Long.MIN_VALUE, Long.MAX_VALUE);
    }
    if (raw == int.class || raw == Integer.class) {
      return (int) integral(tree, t, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    if (raw == short.class || raw == Short.class) {
      return (short) integral(tree, t, Short.MIN_VALUE, Short.MAX_VALUE);
    }
    if (raw == byte.class || raw == Byte.class) {
      return (byte) integral(tree, t, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }
    if ((raw == double.class || raw == Double.class) && tree instanceof Number n) {
      return n.doubleValue();
    }
    if ((raw == float.class || raw == Float.class) && tree instanceof Number n) {
      return n.floatValue();
    }
    if ((raw == boolean.class || raw == Boolean.class) && tree instanceof Boolean b) {
      return b;
    }
    if ((raw == String.class || raw == byte[].class) && raw.isInstance(tree)) {
      return tree;
    }
    if (raw == Instant.class && tree instanceof String s) {
      return parseInstant(s);
    }
    if (raw == Duration.class && tree instanceof Number n) {
      return n instanceof Long l ? Duration.ofSeconds(l) : Duration.ofNanos(Math.round(n.doubleValue() * 1e9));
    }
    if (raw.isEnum() && tree instanceof String s) {
      return EnumTransformer.constantOf(raw, s);
    }
    if (List.class.isAssignableFrom(raw) && tree instanceof List<?> l) {
      Type et = Types.argument(t, 0);
      List<Object> out = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) {
        Object o = l.get(i);
        out.add(nested("element [" + i + "]", () -> fromTree(ctx, o, et)));
      }
      return out;
    }
    if (Map.class.isAssignableFrom(raw) && tree instanceof Map<?, ?> m) {
      Type vt = Types.argument(t, 1);
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String k = String.valueOf(e.getKey());
        out.put(k, nested("key '" + k + "'", () -> fromTree(ctx, e.getValue(), vt)));
      }
      return out;
    }
    if (raw == Optional.class) {
      return Optional.ofNullable(fromTree(ctx, tree, Types.argument(t, 0)));
    }
    if (raw == FlyteFile.class || raw == FlyteDirectory.class) {
      Object path = tree instanceof Map<?, ?> m ? m.get("path") : tree;
      if (path instanceof String p) {
        return raw == FlyteFile.class ? FlyteFile.fromRemote(p, ctx.fileAccess())
            : FlyteDirectory.fromRemote(p, ctx.fileAccess());
      }
    }
    if (raw == StructuredDataset.class && tree instanceof Map<?, ?> m) {
      return new StructuredDataset((String) m.get("uri"), (String) m.get("file_format"), List.of());
    }
    if (StructShape.isStruct(raw) && tree instanceof Map<?, ?> m) {
      StructShape shape = StructShape.of(raw);
      List<StructShape.Property> props = shape.properties();
      Object[] values = new Object[props.size()];
      for (int i = 0; i < values.length; i++) {
        StructShape.Property p = props.get(i);
        if (!m.containsKey(p.name()) && !p.optional()) {
          throw new FlyteTypeException("field '" + p.name() + "' of " + raw.getSimpleName() + " is missing; got "
              + m.keySet());
        }
        Object fv = m.get(p.name());
        values[i] = nested("field '" + p.name() + "'", () -> fromTree(ctx, fv, p.type()));
      }
      return shape.newInstance(values);
    }
    throw new FlyteTypeException("expected java " + t.getTypeName() + ", got " + Values.describe(tree));
  }

  /** A protobuf {@code Struct} (the JSON form) as a tree; JSON numbers become Double. */
  public static Object fromStruct(Struct s) {
    Map<String, Object> out = new LinkedHashMap<>();
    s.getFieldsMap().forEach((k, v) -> out.put(k, fromValue(v)));
    return out;
  }

  private static Object fromValue(Value v) {
    return switch (v.getKindCase()) {
      case NUMBER_VALUE -> v.getNumberValue();
      case STRING_VALUE -> v.getStringValue();
      case BOOL_VALUE -> v.getBoolValue();
      case STRUCT_VALUE -> fromStruct(v.getStructValue());
      case LIST_VALUE -> {
        ListValue l = v.getListValue();
        List<Object> out = new ArrayList<>(l.getValuesCount());
        l.getValuesList().forEach(x -> out.add(fromValue(x)));
        yield out;
      }
      default -> null;
    };
  }

  /** Python's {@code datetime.isoformat()} of an aware UTC datetime; 9 fraction digits if nanos need them. */
  public static String isoformat(Instant i) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(i.getEpochSecond(), i.getNano(), ZoneOffset.UTC);
    String out = SECONDS.format(t);
    int nanos = i.getNano();
    if (nanos != 0) {
      out += nanos % 1000 == 0 ? String.format(".%06d", nanos / 1000) : String.format(".%09d", nanos);
    }
    return out + "+00:00";
  }

  static Instant parseInstant(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw new FlyteTypeException("expected an ISO-8601 datetime, got \"" + s + "\"");
      }
    }
  }

  private static long integral(Object tree, Type t, long min, long max) {
    long n;
    if (tree instanceof Long l) {
      n = l;
    } else if (tree instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
      n = d.longValue();
    } else {
      throw new FlyteTypeException("expected java " + t.getTypeName() + ", got " + Values.describe(tree));
    }
    if (n < min || n > max) {
      throw new FlyteTypeException("integer " + n + " does not fit java " + t.getTypeName());
    }
    return n;
  }

  private static Map<String, Object> pathMap(String uri) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("path", uri);
    return out;
  }

  private static Object nested(String where, java.util.function.Supplier<Object> f) {
    try {
      return f.get();
    } catch (FlyteTypeException e) {
      throw new FlyteTypeException(where + ": " + e.getMessage(), e);
    }
  }
}
