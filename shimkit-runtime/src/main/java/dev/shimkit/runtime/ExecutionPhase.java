package dev.shimkit.runtime;

/**
 * Which step of running a task failed. Together with the exception type it decides how a failure is reported
 * to Flyte (see {@link ErrorDocuments}).
 */
public enum ExecutionPhase {
  /** Loading the task (resolver, template, executor class). */
  LOAD("loading the task"),
  /** Turning the input {@code LiteralMap} into Java values. */
  INPUT_CONVERSION("converting the task inputs"),
  /** Running user code or an executor. */
  EXECUTE("executing the task"),
  /** Turning the returned Java values into the output {@code LiteralMap}. */
  OUTPUT_CONVERSION("converting the task outputs"),
  /** Reading or writing storage (inputs, template, outputs) or other infrastructure work. */
  IO("reading or writing task data");

  private final String description;

  ExecutionPhase(String description) {
    this.description = description;
  }

  /** What the phase does, for messages ("converting the task inputs"). */
  public String description() {
    return description;
  }
}
