package dev.shimkit.runtime;

/**
 * Exit codes of {@code shimkit-execute}. As with flytekit, a failed task is reported through its error document
 * and the process still exits 0, unless {@code FLYTE_FAIL_ON_ERROR} asks for 1. The other codes mean no error
 * document could be written, so the backend only sees a failed container; the process then says why on stderr.
 */
public final class ExitCodes {
  /** Outputs written, or an error document written and {@code FLYTE_FAIL_ON_ERROR} off. */
  public static final int SUCCESS = 0;
  /** An error document was written and {@code FLYTE_FAIL_ON_ERROR} is on. */
  public static final int TASK_FAILED = 1;
  /** The command line is wrong; nothing was written. */
  public static final int USAGE = 2;
  /** The task failed and even the error document could not be written (storage unreachable, say). */
  public static final int ERROR_NOT_WRITTEN = 3;

  private ExitCodes() {}

  /** The exit code after an error document was written. */
  public static int afterErrorDocument(RuntimeEnvironment environment) {
    return environment.failOnError() ? TASK_FAILED : SUCCESS;
  }
}
