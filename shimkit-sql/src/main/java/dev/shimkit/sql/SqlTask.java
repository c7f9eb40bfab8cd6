package dev.shimkit.sql;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.shim.CustomizedContainerTask;
import dev.shimkit.shim.ShimTaskExecutor;
import dev.shimkit.sql.internal.QueryTemplate;
import dev.shimkit.sql.internal.SqlTaskSupport;
import dev.shimkit.sql.internal.SqlTaskSupport.OutputColumn;
import dev.shimkit.task.TaskInterface;
import dev.shimkit.types.StructuredDataset;
import flyteidl.core.Interface.TypedInterface;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part SQL tasks share: a normalised query template checked against the inputs when the task is built,
 * one output {@value #OUTPUT} declared as flytekit declares it (a SCHEMA type, with the author's columns),
 * and the image default of {@link SqlImages}. At run time the output is a parquet structured dataset.
 *
 * @param <C> the task's config
 */
public abstract class SqlTask<C> extends CustomizedContainerTask<C> {
  /** The name of the one output. */
  public static final String OUTPUT = SqlTaskSupport.OUTPUT;
  /** Key in {@code custom} of the normalised query. */
  public static final String QUERY_TEMPLATE = "query_template";
  /** Key in {@code custom}, present (true) only when the author opted in to textual substitution. */
  public static final String ALLOW_TEXT_SUBSTITUTION = "allow_text_substitution";

  private final String queryTemplate;
  private final List<OutputColumn> outputColumns;
  private final boolean allowTextSubstitution;
  private volatile TypedInterface typedInterface;

  SqlTask(SqlTaskBuilder<?> b, C config, Class<? extends ShimTaskExecutor> executor) {
    super(b.options.build(), config, executor, javaInterface(b.inputs));
    if (b.query == null || b.query.isBlank()) {
      throw new FlyteValidationException("SQL task '" + b.name + "' needs a query: call query(\"select ...\")");
    }
    this.queryTemplate = QueryTemplate.normalize(b.query);
    this.outputColumns = List.copyOf(b.outputColumns);
    this.allowTextSubstitution = b.allowTextSubstitution;
    QueryTemplate.parse(queryTemplate).validate(SqlTaskSupport.kinds(b.inputs), allowTextSubstitution);
  }

  private static TaskInterface javaInterface(Map<String, Type> inputs) {
    TaskInterface.Builder b = TaskInterface.builder();
    inputs.forEach(b::input);
    return b.output(SqlTaskSupport.OUTPUT, StructuredDataset.class).build();
  }

  /** The query as written into the template (whitespace normalised). */
  public String queryTemplate() {
    return queryTemplate;
  }

  public boolean allowTextSubstitution() {
    return allowTextSubstitution;
  }

  /** Output {@value #OUTPUT} is a SCHEMA type, as flytekit declares it; its value is a structured dataset. */
  @Override
  public TypedInterface typedInterface() {
    TypedInterface ti = typedInterface;
    if (ti == null) {
      ti = SqlTaskSupport.withSchemaOutput(super.typedInterface(), outputColumns);
      typedInterface = ti;
    }
    return ti;
  }

  /** The task's own image if given, else {@link SqlImages#resolve}: the config's "sql" image or the default. */
  @Override
  public String getImage(SerializationSettings settings) {
    if (options().image().isPresent()) {
      return super.getImage(settings);
    }
    return SqlImages.resolve(settings.imageConfig());
  }

  /** The custom entries every SQL task writes: the query and the opt-in flag when set. */
  protected Map<String, Object> queryCustom() {
    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put(QUERY_TEMPLATE, queryTemplate);
    if (allowTextSubstitution) {
      custom.put(ALLOW_TEXT_SUBSTITUTION, true);
    }
    return custom;
  }
}
