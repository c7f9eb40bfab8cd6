package dev.shimkit.workflow;

import dev.shimkit.errors.FlyteValidationException;
import java.util.Optional;

/**
 * A workflow body describes an impossible graph: an unbound input, a type mismatch between a promise and an
 * input, a cycle, an output never produced, a reused node id, and the like. The message names the workflow,
 * the node (when one is at fault) and the mistake.
 */
public final class WorkflowCompilationException extends FlyteValidationException {
  private final String workflowName;
  private final String nodeId;

  public WorkflowCompilationException(String workflowName, String nodeId, String mistake) {
    super("Workflow '" + workflowName + "': " + mistake);
    this.workflowName = workflowName;
    this.nodeId = nodeId;
  }

  public String workflowName() {
    return workflowName;
  }

  /** The node at fault, when the mistake belongs to one. */
  public Optional<String> nodeId() {
    return Optional.ofNullable(nodeId);
  }
}
