package dev.shimkit.workflow;

import dev.shimkit.errors.FlyteException;
import dev.shimkit.errors.FlyteUserException;
import flyteidl.core.Literals.LiteralMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A workflow run failed at a node. Names the node and keeps its cause (and the cause's error code); nothing
 * of the nodes that finished is lost: {@link #completedNodeOutputs()} holds their outputs as Java values and
 * {@link #completedNodeLiterals()} as literals, keyed by node id ({@code <parent>-<child>} inside
 * sub-workflows and branches).
 */
public final class WorkflowExecutionException extends FlyteUserException {
  private final String workflowName;
  private final String failedNodeId;
  private final Map<String, Map<String, Object>> completedOutputs;
  private final Map<String, LiteralMap> completedLiterals;

  public WorkflowExecutionException(String workflowName, String failedNodeId, String what, Throwable cause,
      Map<String, Map<String, Object>> completedOutputs, Map<String, LiteralMap> completedLiterals) {
    super(cause instanceof FlyteException fe ? fe.errorCode() : DEFAULT_CODE, "Workflow '" + workflowName
        + "' failed at node '" + failedNodeId + "' (" + what + "): " + (cause == null ? "" : cause.getMessage()),
        cause);
    this.workflowName = workflowName;
    this.failedNodeId = failedNodeId;
    this.completedOutputs = Collections.unmodifiableMap(new LinkedHashMap<>(completedOutputs));
    this.completedLiterals = Collections.unmodifiableMap(new LinkedHashMap<>(completedLiterals));
  }

  public String workflowName() {
    return workflowName;
  }

  /** The id of the node whose failure stopped the workflow. */
  public String failedNodeId() {
    return failedNodeId;
  }

  /** Outputs of every node that finished, by node id, as Java values. */
  public Map<String, Map<String, Object>> completedNodeOutputs() {
    return completedOutputs;
  }

  /** Outputs of every node that finished, by node id, as literals. */
  public Map<String, LiteralMap> completedNodeLiterals() {
    return completedLiterals;
  }
}
