package dev.shimkit.runtime;

import flyteidl.core.Errors.ContainerError;
import flyteidl.core.Execution.ExecutionError;

/**
 * How a failure is reported to Flyte: the {@code ContainerError} code, whether a retry may help, and who is at
 * fault. Computed by {@link ErrorDocuments#classify}.
 */
public record ErrorClassification(String code, ContainerError.Kind kind, ExecutionError.ErrorKind origin) {

  /** Whether Flyte may retry the task (kind {@code RECOVERABLE}). */
  public boolean recoverable() {
    return kind == ContainerError.Kind.RECOVERABLE;
  }
}
