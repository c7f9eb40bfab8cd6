package dev.shimkit.runtime;

import flyteidl.core.Errors.ContainerError;
import flyteidl.core.Literals.LiteralMap;

/**
 * How one task attempt ended, read back the way Flyte's backend reads it: outputs, or an error document's
 * error (origin USER/SYSTEM, retryable or not).
 */
public sealed interface TaskAttemptResult {

  /** The attempt's paths (data dir, output prefix, raw output prefix). */
  BackendPaths paths();

  /** The process exit code. */
  int exitCode();

  /** The attempt wrote {@code outputs.pb}. */
  record Succeeded(BackendPaths paths, int exitCode, LiteralMap outputs) implements TaskAttemptResult {
  }

  /**
   * The attempt failed: an error document was written, or (as the backend reports it) the process left
   * neither file, or did not finish in time.
   */
  record Failed(BackendPaths paths, int exitCode, ContainerError error) implements TaskAttemptResult {
    /** Whether the backend would retry this attempt. */
    public boolean retryable() {
      return error.getKind() == ContainerError.Kind.RECOVERABLE;
    }
  }
}
