package dev.shimkit.context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What kind of execution is running and where it keeps its files. {@code engineDir} is where the runtime
 * writes {@code outputs.pb}/{@code error.pb} before uploading them; it defaults to {@code <workingDir>/engine_dir}.
 *
 * @param mode the execution mode, never null inside an execution
 * @param workingDir scratch directory of this execution (templates and inputs are downloaded here)
 * @param engineDir directory for the files the runtime uploads to the output prefix
 * @param userSpaceParams what task code sees as the current context, see {@link ExecutionParameters}
 */
public record ExecutionState(Mode mode, Path workingDir, Path engineDir, ExecutionParameters userSpaceParams) {

  /** Same values and meanings as flytekit's {@code ExecutionState.Mode}. */
  public enum Mode {
    TASK_EXECUTION(1), LOCAL_WORKFLOW_EXECUTION(2), LOCAL_TASK_EXECUTION(3), DYNAMIC_TASK_EXECUTION(4),
    EAGER_EXECUTION(5), EAGER_LOCAL_EXECUTION(6), LOCAL_DYNAMIC_TASK_EXECUTION(7);

    private final int value;

    Mode(int value) {
      this.value = value;
    }

    public int value() {
      return value;
    }

    /** True for the modes that run on this machine rather than in a Flyte pod. */
    public boolean isLocal() {
      return this == LOCAL_WORKFLOW_EXECUTION || this == LOCAL_TASK_EXECUTION || this == EAGER_LOCAL_EXECUTION
          || this == LOCAL_DYNAMIC_TASK_EXECUTION;
    }
  }

  public ExecutionState {
    if (workingDir == null) {
      throw new IllegalArgumentException("ExecutionState needs a working directory");
    }
    if (engineDir == null) {
      engineDir = workingDir.resolve("engine_dir");
    }
    try {
      Files.createDirectories(engineDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create engine dir " + engineDir, e);
    }
  }

  /** A state of the given mode in {@code workingDir}, with default engine dir and no user params yet. */
  public static ExecutionState of(Mode mode, Path workingDir) {
    return new ExecutionState(mode, workingDir, null, null);
  }

  public boolean isLocalExecution() {
    return mode != null && mode.isLocal();
  }

  public ExecutionState withMode(Mode newMode) {
    return new ExecutionState(newMode, workingDir, engineDir, userSpaceParams);
  }

  public ExecutionState withParams(ExecutionParameters params) {
    return new ExecutionState(mode, workingDir, engineDir, params);
  }
}
