package dev.shimkit.sql;

import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.sql.internal.SqlTaskSupport.OutputColumn;
import dev.shimkit.task.TaskOptions;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What every SQL task is built from: a name, a query template with {@code {{ .inputs.<name> }}} placeholders,
 * typed inputs, optionally the output's columns, and task options (image, retries, resources, ...).
 *
 * @param <B> the concrete builder
 */
public abstract class SqlTaskBuilder<B extends SqlTaskBuilder<B>> {
  final String name;
  String query;
  final Map<String, Type> inputs = new LinkedHashMap<>();
  final List<OutputColumn> outputColumns = new ArrayList<>();
  boolean allowTextSubstitution;
  TaskOptions.Builder options;

  SqlTaskBuilder(String name, String taskType) {
    if (name == null || name.isBlank()) {
      throw new FlyteValidationException("A SQL task needs a name: it becomes the template id's name");
    }
    this.name = name;
    this.options = TaskOptions.builder().name(name).taskType(taskType);
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /** The query; whitespace is normalised as flytekit does. Inputs go in as {@code {{ .inputs.<name> }}}. */
  public B query(String queryTemplate) {
    this.query = queryTemplate;
    return self();
  }

  /** Declares an input: Long, Integer, Double, Float, Boolean, String, Instant or Duration. */
  public B input(String inputName, Type type) {
    Objects.requireNonNull(type, "type");
    if (inputs.put(inputName, type) != null) {
      throw new FlyteValidationException("Input '" + inputName + "' is declared twice");
    }
    return self();
  }

  /**
   * Declares a column of the output {@code results} (flytekit's {@code FlyteSchema[kwtypes(...)]}): Long,
   * Double, String, Boolean, Instant or Duration. The query result must have every declared column.
   */
  public B outputColumn(String columnName, Class<?> type) {
    outputColumns.add(new OutputColumn(columnName, type));
    return self();
  }

  /**
   * Allows string inputs where they cannot be bound as parameters (table or column names, keywords), by
   * substituting their text as flytekit does. Only for trusted values: such an input can inject SQL.
   */
  public B allowTextSubstitution(boolean allow) {
    this.allowTextSubstitution = allow;
    return self();
  }

  /** The image to run in, or an image reference such as {@code {{.image.mine}}}; default {@link SqlImages}. */
  public B image(String image) {
    options.image(image);
    return self();
  }

  /** Sets any other task option (retries, timeout, resources, env, cache, ...) on the options builder. */
  public B options(UnaryOperator<TaskOptions.Builder> change) {
    options = change.apply(options);
    return self();
  }
}
