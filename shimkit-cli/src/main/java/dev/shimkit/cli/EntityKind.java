package dev.shimkit.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;

/**
 * What a registrable entity is, with the number pyflyte puts at the end of its file name in a package
 * ({@code <idx>_<name>_<n>.pb}) and the admin message that file holds. Declared in registration order:
 * tasks before the workflows that call them, workflows before their launch plans.
 */
public enum EntityKind {
  /** {@code flyteidl.admin.TaskSpec}. */
  TASK(1, "task"),
  /** {@code flyteidl.admin.WorkflowSpec}. */
  WORKFLOW(2, "workflow"),
  /** {@code flyteidl.admin.LaunchPlan}. */
  LAUNCH_PLAN(3, "launch plan");

  private final int fileNumber;
  private final String label;

  EntityKind(int fileNumber, String label) {
    this.fileNumber = fileNumber;
    this.label = label;
  }

  /** The {@code 1|2|3} of the package file name. */
  public int fileNumber() {
    return fileNumber;
  }

  /** A human name ("task", "workflow", "launch plan"). */
  public String label() {
    return label;
  }

  /** The kind whose file number is {@code n}. */
  public static EntityKind ofFileNumber(int n) {
    for (EntityKind k : values()) {
      if (k.fileNumber == n) {
        return k;
      }
    }
    throw new IllegalArgumentException("No entity kind has file number " + n + " (expected 1, 2 or 3)");
  }

  /** The kind of an admin message ({@code TaskSpec}, {@code WorkflowSpec} or {@code LaunchPlan}). */
  public static EntityKind of(Message spec) {
    if (spec instanceof TaskSpec) {
      return TASK;
    }
    if (spec instanceof WorkflowSpec) {
      return WORKFLOW;
    }
    if (spec instanceof LaunchPlan) {
      return LAUNCH_PLAN;
    }
    throw new IllegalArgumentException(spec.getClass().getName() + " is not a TaskSpec, WorkflowSpec or LaunchPlan");
  }

  /** Parses {@code bytes} as this kind's admin message. */
  public Message parse(byte[] bytes) throws InvalidProtocolBufferException {
    return switch (this) {
      case TASK -> TaskSpec.parseFrom(bytes);
      case WORKFLOW -> WorkflowSpec.parseFrom(bytes);
      case LAUNCH_PLAN -> LaunchPlan.parseFrom(bytes);
    };
  }
}
