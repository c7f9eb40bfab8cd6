package dev.shimkit.sql.internal;

import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.types.StructuredDataset;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SchemaType;
import flyteidl.core.Types.SchemaType.SchemaColumn.SchemaColumnType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What both SQL tasks share: the {@code results} output as flytekit declares it, input kinds, custom helpers. */
public final class SqlTaskSupport {
  /** The one output of a SQL task. */
  public static final String OUTPUT = "results";

  private SqlTaskSupport() {
  }

  /** A declared output column: its name and the Java type of its values. */
  public record OutputColumn(String name, Class<?> type) {
  }

  /**
   * {@code base} with output {@code results} declared as flytekit declares it: a SCHEMA type
   * whose columns are the author's (none when not given).
   */
  public static TypedInterface withSchemaOutput(TypedInterface base, List<OutputColumn> columns) {
    SchemaType.Builder schema = SchemaType.newBuilder();
    for (OutputColumn c : columns) {
      schema.addColumns(SchemaType.SchemaColumn.newBuilder().setName(c.name()).setType(schemaColumnType(c)));
    }
    Variable results = base.getOutputs().getVariablesOrThrow(OUTPUT).toBuilder()
        .setType(LiteralType.newBuilder().setSchema(schema)).build();
    return base.toBuilder().setOutputs(VariableMap.newBuilder().putVariables(OUTPUT, results)).build();
  }

  private static SchemaColumnType schemaColumnType(OutputColumn c) {
    Class<?> t = c.type();
    if (t == Long.class || t == long.class || t == Integer.class || t == int.class) {
      return SchemaColumnType.INTEGER;
    }
    if (t == Double.class || t == double.class || t == Float.class || t == float.class) {
      return SchemaColumnType.FLOAT;
    }
    if (t == String.class) {
      return SchemaColumnType.STRING;
    }
    if (t == Boolean.class || t == boolean.class) {
      return SchemaColumnType.BOOLEAN;
    }
    if (t == Instant.class) {
      return SchemaColumnType.DATETIME;
    }
    if (t == Duration.class) {
      return SchemaColumnType.DURATION;
    }
    throw new FlyteValidationException("Output column '" + c.name() + "' has type " + t.getName()
        + "; a schema column is Long, Double, String, Boolean, Instant or Duration");
  }

  /** How a declared Java input type can be used in a query. */
  public static QueryTemplate.InputKind kindOf(Type type) {
    if (type == String.class) {
      return QueryTemplate.InputKind.STRING;
    }
    if (type == Long.class || type == long.class || type == Integer.class || type == int.class
        || type == Double.class || type == double.class || type == Float.class || type == float.class
        || type == Boolean.class || type == boolean.class || type == Instant.class || type == Duration.class) {
      return QueryTemplate.InputKind.SCALAR;
    }
    return QueryTemplate.InputKind.UNSUPPORTED;
  }

  /** Input kinds of declared inputs. */
  public static Map<String, QueryTemplate.InputKind> kinds(Map<String, Type> inputs) {
    Map<String, QueryTemplate.InputKind> kinds = new LinkedHashMap<>();
    inputs.forEach((k, v) -> kinds.put(k, kindOf(v)));
    return kinds;
  }

  /** The column names the template's {@code results} output declares (SCHEMA or structured dataset type). */
  public static List<String> declaredColumns(TypedInterface ti) {
    Variable v = ti.getOutputs().getVariablesMap().get(OUTPUT);
    List<String> names = new ArrayList<>();
    if (v != null) {
      for (StructuredDataset.Column c : StructuredDataset.columnsOf(v.getType())) {
        names.add(c.name());
      }
    }
    return names;
  }

  /** A boolean in {@code custom}: absent is {@code fallback}. */
  public static boolean bool(Map<String, Object> custom, String key, boolean fallback) {
    Object v = custom.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw new FlyteValidationException("custom." + key + " must be true or false, not " + v);
  }

  /** A required string in {@code custom}. */
  public static String string(Map<String, Object> custom, String key) {
    Object v = custom.get(key);
    if (!(v instanceof String s) || s.isEmpty()) {
      throw new FlyteValidationException("The task template's custom has no '" + key + "' (got " + v
          + "); was it written by a SQL task of this version?");
    }
    return s;
  }
}
