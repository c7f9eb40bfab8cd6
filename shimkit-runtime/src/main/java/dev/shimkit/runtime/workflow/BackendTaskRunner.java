package dev.shimkit.runtime.workflow;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.errors.FlyteException;
import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.runtime.LocalBackendRunner;
import dev.shimkit.runtime.TaskAttemptResult;
import dev.shimkit.task.Task;
import dev.shimkit.workflow.TaskRunner;
import flyteidl.core.Errors.ContainerError;
import flyteidl.core.Execution.ExecutionError;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs each task node of a local workflow run the way Flyte does: serializes the task under the given
 * settings, and lets the {@link LocalBackendRunner} write the node's {@code inputs.pb} (and {@code task.pb})
 * to storage, start {@code shimkit-execute} as a process and read back {@code outputs.pb} or the error
 * document. Data moves between nodes as literals whose files and datasets are referenced by URI, exactly as
 * between pods. Plug it into {@code WorkflowExecutor.builder().taskRunner(...)}; the workflow executor owns
 * retries (each call is one attempt, under {@code <node>/data/<attempt>}).
 */
public final class BackendTaskRunner implements TaskRunner {
  private final LocalBackendRunner backend;
  private final SerializationSettings settings;
  private final Map<Task, TaskTemplate> templates = new ConcurrentHashMap<>();

  public BackendTaskRunner(LocalBackendRunner backend, SerializationSettings settings) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public LiteralMap run(Task task, LiteralMap inputs, String nodeId, int attempt) {
    TaskTemplate template = templates.computeIfAbsent(task, t -> t.serializeToModel(settings));
    TaskAttemptResult result = backend.runAttempt(template, inputs, backend.pathsFor(nodeId, attempt));
    if (result instanceof TaskAttemptResult.Succeeded ok) {
      return ok.outputs();
    }
    throw toException(task, (TaskAttemptResult.Failed) result);
  }

  private static FlyteException toException(Task task, TaskAttemptResult.Failed failed) {
    ContainerError e = failed.error();
    boolean recoverable = e.getKind() == ContainerError.Kind.RECOVERABLE;
    String message = "Task '" + task.name() + "' failed in its process (exit code " + failed.exitCode() + ", "
        + e.getCode() + "): " + e.getMessage();
    if (e.getOrigin() == ExecutionError.ErrorKind.SYSTEM) {
      return new FlyteSystemException(e.getCode(), message, null, recoverable);
    }
    return new ContainerFailure(e.getCode(), message, recoverable);
  }

  /** A user error read back from a task's error document, keeping its code and retryability. */
  public static final class ContainerFailure extends FlyteUserException {
    ContainerFailure(String code, String message, boolean recoverable) {
      super(code, message, null, recoverable);
    }
  }
}
