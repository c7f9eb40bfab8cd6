package dev.shimkit.workflow;

import flyteidl.core.Workflow.WorkflowMetadata.OnFailurePolicy;

/** What a workflow does when a node fails ({@code WorkflowMetadata.OnFailurePolicy}). */
public enum FailurePolicy {
  /** Fail the workflow as soon as a node fails (the default). */
  FAIL_IMMEDIATELY(OnFailurePolicy.FAIL_IMMEDIATELY),
  /** Run every node that does not depend on the failed one, then fail. */
  FAIL_AFTER_EXECUTABLE_NODES_COMPLETE(OnFailurePolicy.FAIL_AFTER_EXECUTABLE_NODES_COMPLETE);

  private final OnFailurePolicy idl;

  FailurePolicy(OnFailurePolicy idl) {
    this.idl = idl;
  }

  public OnFailurePolicy idl() {
    return idl;
  }
}
