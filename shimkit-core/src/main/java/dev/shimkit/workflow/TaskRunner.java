package dev.shimkit.workflow;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.task.Task;
import flyteidl.core.Literals.LiteralMap;

/**
 * Runs one attempt of one task node for a local workflow run: literal inputs in, literal outputs out, or a
 * {@link dev.shimkit.errors.FlyteException} whose {@code isRecoverable()} decides whether the workflow retries
 * it. The default runs tasks in this process ({@link #inProcess()}); shimkit-runtime has one that runs each
 * task through {@code shimkit-execute} in its own process, with data passed by URI as Flyte does.
 */
@FunctionalInterface
public interface TaskRunner {

  /**
   * @param task the task of the node
   * @param inputs the node's inputs
   * @param nodeId the node's id in the run, unique across sub-workflows and branches ({@code n1-n0})
   * @param attempt 0 for the first attempt, then 1, 2... for retries
   */
  LiteralMap run(Task task, LiteralMap inputs, String nodeId, int attempt);

  /** Runs each attempt in this process, in a fresh local execution state (its own working directory). */
  static TaskRunner inProcess() {
    return (task, inputs, nodeId, attempt) -> {
      FlyteContext ctx = FlyteContextManager.current();
      return task.sandboxExecute(ctx.withExecutionState(ctx.newExecutionState(null)), inputs);
    };
  }
}
