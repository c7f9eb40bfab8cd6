package dev.shimkit.shim;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.context.ExecutionState;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.errors.FlyteDataException;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.resolve.TaskResolver;
import dev.shimkit.resolve.TrackedInstance;
import dev.shimkit.shim.internal.ExecutorAliases;
import dev.shimkit.task.Task;
import flyteidl.core.Tasks.TaskTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads template-based tasks in the container: loader args are {@code {{.taskTemplatePath}}} (which the
 * backend replaces by the URI of the serialized template) and the executor's class name. The template is
 * downloaded into the working directory as {@code task_template.pb} and wrapped with a fresh executor in an
 * {@link ExecutableTemplateShimTask}. Executor names of flytekit's own executors are mapped to their Java
 * ports through {@link ExecutorAliases}, so templates authored by flytekit run unchanged.
 */
public final class TaskTemplateResolver extends TrackedInstance implements TaskResolver {
  /** The resolver of every customized container task: location {@code dev.shimkit.shim.TaskTemplateResolver.INSTANCE}. */
  public static final TaskTemplateResolver INSTANCE = new TaskTemplateResolver();
  /** flytekit's location for its template resolver; the entrypoint accepts it as an alias of {@link #INSTANCE}. */
  public static final String FLYTEKIT_LOCATION =
      "flytekit.core.python_customized_container_task.default_task_template_resolver";
  /** The placeholder the backend replaces by the template's URI. */
  public static final String TEMPLATE_PATH_PLACEHOLDER = "{{.taskTemplatePath}}";
  static final String LOCAL_TEMPLATE_NAME = "task_template.pb";

  private TaskTemplateResolver() {
  }

  @Override
  public String name() {
    return "task template resolver";
  }

  @Override
  public List<String> loaderArgs(SerializationSettings settings, Task task) {
    if (!(task instanceof CustomizedContainerTask<?> cct)) {
      throw new FlyteUserException("The task template resolver only serves customized container tasks, not "
          + task.getClass().getName());
    }
    return List.of(TEMPLATE_PATH_PLACEHOLDER, cct.executorType().getName());
  }

  @Override
  public Task loadTask(List<String> loaderArgs) {
    if (loaderArgs.size() != 2) {
      throw new FlyteUserException(LOAD_ERROR_CODE, name() + " expects loader args '<template uri> <executor "
          + "class>', got " + loaderArgs, null);
    }
    FlyteContext ctx = FlyteContextManager.current();
    Path workingDir = ctx.executionState().map(ExecutionState::workingDir)
        .orElseGet(() -> ctx.fileAccess().getRandomLocalDirectory());
    Path local = workingDir.resolve(LOCAL_TEMPLATE_NAME);
    TaskTemplate template = readTemplate(ctx, loaderArgs.get(0), local);
    return ExecutableTemplateShimTask.of(template, ExecutorAliases.resolve(loaderArgs.get(1)));
  }

  private static TaskTemplate readTemplate(FlyteContext ctx, String uri, Path local) {
    try {
      Files.createDirectories(local.getParent());
    } catch (IOException e) {
      throw FlyteDataException.download(uri, e);
    }
    ctx.fileAccess().getData(uri, local, false);
    try {
      return TaskTemplate.parseFrom(Files.readAllBytes(local));
    } catch (IOException e) {
      throw new FlyteUserException(LOAD_ERROR_CODE, "The task template at " + uri + " is not a serialized "
          + "flyteidl.core.TaskTemplate: " + e.getMessage(), e);
    }
  }
}
