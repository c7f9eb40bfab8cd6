package dev.shimkit.shim;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.resolve.TaskResolver;
import dev.shimkit.task.TaskInterface;
import dev.shimkit.task.ContainerTask;
import dev.shimkit.task.TaskOptions;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A task whose whole definition is data in its {@code TaskTemplate}: a prebuilt image runs it through the
 * {@link ShimTaskExecutor} named in its container args, with nothing of the author's code. The Java
 * counterpart of flytekit's {@code PythonCustomizedContainerTask}. A plugin author subclasses it, returns
 * what the executor needs from {@link #getCustom}, and writes the executor.
 *
 * <p>Locally the task runs through the very same path: it serializes itself (with placeholder settings
 * unless it was serialized already) and hands the template to a fresh {@link ExecutableTemplateShimTask}.
 *
 * @param <C> the task's config, which {@link #getCustom} turns into the template's {@code custom}
 */
public abstract class CustomizedContainerTask<C> extends ContainerTask {
  private final C taskConfig;
  private final Class<? extends ShimTaskExecutor> executorType;
  private volatile TaskTemplate taskTemplate;

  /**
   * @param options name (required), image, task type (default {@code python-task}), requests, limits,
   *     environment, secret requests, metadata, resolver (default {@link TaskTemplateResolver#INSTANCE})
   * @param taskConfig the author's config of this task
   * @param executorType the executor the image runs; it needs a public no-arg constructor
   * @param javaInterface the task's inputs and outputs
   */
  protected CustomizedContainerTask(TaskOptions options, C taskConfig, Class<? extends ShimTaskExecutor> executorType,
      TaskInterface javaInterface) {
    super(options, requireName(options), javaInterface);
    this.taskConfig = taskConfig;
    this.executorType = Objects.requireNonNull(executorType, "executorType");
  }

  private static String requireName(TaskOptions options) {
    return options.name().orElseThrow(() -> new FlyteValidationException(
        "A customized container task needs an explicit name: it becomes the template id's name"));
  }

  /** What the executor needs, JSON-able; it becomes the template's {@code custom} Struct. */
  @Override
  public abstract Map<String, Object> getCustom(SerializationSettings settings);

  /** Always empty: put settings into {@link #getCustom} ({@code config} holds only strings). */
  @Override
  public final Map<String, String> getConfig(SerializationSettings settings) {
    return Map.of();
  }

  public C taskConfig() {
    return taskConfig;
  }

  public Class<? extends ShimTaskExecutor> executorType() {
    return executorType;
  }

  @Override
  protected TaskResolver defaultResolver() {
    return TaskTemplateResolver.INSTANCE;
  }

  /**
   * The 12 container args: {@code shimkit-execute --inputs {{.input}} --output-prefix {{.outputPrefix}}
   * --raw-output-data-prefix {{.rawOutputDataPrefix}} --resolver <location> -- {{.taskTemplatePath}} <executor>}.
   */
  @Override
  public List<String> getCommand(SerializationSettings settings) {
    List<String> args = new ArrayList<>(List.of("shimkit-execute", "--inputs", "{{.input}}", "--output-prefix",
        "{{.outputPrefix}}", "--raw-output-data-prefix", "{{.rawOutputDataPrefix}}", "--resolver",
        taskResolver().location(), "--"));
    args.addAll(taskResolver().loaderArgs(settings, this));
    return args;
  }

  /** Serializes the task and keeps the template for local runs. */
  @Override
  public TaskTemplate serializeToModel(SerializationSettings settings) {
    TaskTemplate template = super.serializeToModel(settings);
    taskTemplate = template;
    return template;
  }

  /** The last serialized template, or one serialized now with {@link SerializationSettings#placeholder()}. */
  public TaskTemplate taskTemplate() {
    TaskTemplate template = taskTemplate;
    return template != null ? template : serializeToModel(SerializationSettings.placeholder());
  }

  /** Runs through the template and executor exactly as the container does. */
  @Override
  public LiteralMap dispatchExecute(FlyteContext ctx, LiteralMap inputs) {
    return new ExecutableTemplateShimTask(taskTemplate(), executorType).dispatchExecute(ctx, inputs);
  }
}
