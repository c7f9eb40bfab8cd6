package dev.shimkit.cli.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shimkit.shim.CustomizedContainerTask;
import dev.shimkit.task.JavaTask;
import dev.shimkit.task.Task;
import dev.shimkit.task.TaskInterface;
import dev.shimkit.types.FlyteDirectory;
import dev.shimkit.types.FlyteFile;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns {@code --name value} (or {@code --name=value}) pairs into a task's Java inputs by their declared types:
 * numbers, booleans ({@code true|false}), strings, ISO instants and durations, enum constant names, files and
 * directories by path or URI; anything structured (lists, maps, records, optionals of them) as JSON. Dashes in
 * names match underscores. Problems are reported as {@link BadInput} naming the input and what was expected.
 */
public final class InputParser {
  private static final ObjectMapper JSON = new ObjectMapper()
      .findAndRegisterModules();

  private InputParser() {
  }

  /** A command-line input that cannot be used. */
  public static final class BadInput extends RuntimeException {
    public BadInput(String message) {
      super(message);
    }
  }

  /** The inputs of {@code task} given as {@code args}; inputs left out must have defaults. */
  public static Map<String, Object> parse(Task task, List<String> args) {
    Map<String, TaskInterface.Parameter> declared = declared(task);
    java.util.Set<String> withDefaults = new java.util.HashSet<>();
    declared.forEach((name, p) -> {
      if (p.defaultValue() != null) {
        withDefaults.add(name);
      }
    });
    return parse("Task " + task.name(), task.getInputTypes(), withDefaults, args);
  }

  /**
   * The inputs given as {@code args} for an entity ({@code what}, e.g. "Workflow x") taking {@code types};
   * inputs left out must be in {@code withDefaults} or optional.
   */
  public static Map<String, Object> parse(String what, Map<String, Type> types, java.util.Set<String> withDefaults,
      List<String> args) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new BadInput("Expected an input as --name value, got '" + arg + "'. Inputs of " + what + ": "
            + describe(types));
      }
      String name;
      String text;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.substring(2, eq);
        text = arg.substring(eq + 1);
      } else {
        name = arg.substring(2);
        if (i + 1 >= args.size()) {
          throw new BadInput("Input --" + name + " has no value");
        }
        text = args.get(++i);
      }
      String key = types.containsKey(name) ? name : name.replace('-', '_');
      if (!types.containsKey(key)) {
        throw new BadInput(what + " has no input '" + name + "'. Its inputs: " + describe(types));
      }
      if (values.containsKey(key)) {
        throw new BadInput("Input --" + name + " is given twice");
      }
      values.put(key, convert(key, text, types.get(key)));
    }
    List<String> missing = new ArrayList<>();
    for (String name : types.keySet()) {
      if (!values.containsKey(name)) {
        boolean optional = withDefaults.contains(name) || isOptional(types.get(name));
        if (!optional) {
          missing.add(name);
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new BadInput("Missing input" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing.stream()
          .map(m -> "--" + m + " <" + typeName(types.get(m)) + ">").toList()) + " for " + what);
    }
    return values;
  }

  /** {@code text} as a value of {@code type}. */
  static Object convert(String name, String text, Type type) {
    Class<?> raw = raw(type);
    try {
      if (raw == String.class) {
        return text;
      }
      if (raw == Long.class || raw == long.class) {
        return Long.parseLong(text.strip());
      }
      if (raw == Integer.class || raw == int.class) {
        return Integer.parseInt(text.strip());
      }
      if (raw == Double.class || raw == double.class) {
        return Double.parseDouble(text.strip());
      }
      if (raw == Float.class || raw == float.class) {
        return Float.parseFloat(text.strip());
      }
      if (raw == Boolean.class || raw == boolean.class) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (!t.equals("true") && !t.equals("false")) {
          throw new IllegalArgumentException("not true or false");
        }
        return Boolean.parseBoolean(t);
      }
      if (raw == Instant.class) {
        return Instant.parse(text.strip());
      }
      if (raw == Duration.class) {
        return Duration.parse(text.strip());
      }
      if (raw.isEnum()) {
        for (Object c : raw.getEnumConstants()) {
          if (((Enum<?>) c).name().equalsIgnoreCase(text.strip())) {
            return c;
          }
        }
        throw new IllegalArgumentException("not one of " + List.of(raw.getEnumConstants()));
      }
      if (raw == FlyteFile.class) {
        return FlyteFile.of(text);
      }
      if (raw == FlyteDirectory.class) {
        return FlyteDirectory.of(text);
      }
      if (raw == Optional.class && type instanceof ParameterizedType pt) {
        return Optional.ofNullable(convert(name, text, pt.getActualTypeArguments()[0]));
      }
      return JSON.readValue(text, JSON.getTypeFactory().constructType(type));
    } catch (JsonProcessingException e) {
      throw new BadInput("Input --" + name + ": '" + abbreviate(text) + "' is not JSON for " + typeName(type) + " ("
          + e.getOriginalMessage() + ")");
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new BadInput("Input --" + name + ": '" + abbreviate(text) + "' is not a valid " + typeName(type));
    } catch (IllegalArgumentException e) {
      throw new BadInput("Input --" + name + ": '" + abbreviate(text) + "' is not a valid " + typeName(type) + " ("
          + e.getMessage() + ")");
    }
  }

  private static Map<String, TaskInterface.Parameter> declared(Task task) {
    if (task instanceof JavaTask<?, ?> jt) {
      return jt.javaInterface().inputs();
    }
    if (task instanceof CustomizedContainerTask<?> ct) {
      return ct.javaInterface().inputs();
    }
    return Map.of();
  }

  private static boolean isOptional(Type t) {
    return raw(t) == Optional.class;
  }

  private static Class<?> raw(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> c) {
      return c;
    }
    return Object.class;
  }

  private static String describe(Map<String, Type> types) {
    List<String> parts = new ArrayList<>();
    types.forEach((k, v) -> parts.add("--" + k + " <" + typeName(v) + ">"));
    return parts.isEmpty() ? "(none)" : String.join(" ", parts);
  }

  static String typeName(Type t) {
    Class<?> raw = raw(t);
    if (raw == Long.class || raw == long.class || raw == Integer.class || raw == int.class) {
      return "integer";
    }
    if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class) {
      return "float";
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return "true|false";
    }
    if (raw == String.class) {
      return "string";
    }
    if (raw == Instant.class) {
      return "ISO instant";
    }
    if (raw == Duration.class) {
      return "ISO duration";
    }
    if (List.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw) || raw.isRecord()) {
      return "JSON " + t.getTypeName().replaceAll("[a-z][\\w]*\\.", "");
    }
    return t.getTypeName().replaceAll("[a-z][\\w]*\\.", "");
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
