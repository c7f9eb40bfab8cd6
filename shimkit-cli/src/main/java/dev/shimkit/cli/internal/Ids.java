package dev.shimkit.cli.internal;

import com.google.protobuf.Message;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Workflow.IfBlock;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.WorkflowTemplate;

/**
 * Identifiers inside admin messages: reading an entity's id, and filling empty project/domain/version the way
 * {@code flytectl register files} does ({@code hydrateSpec}): an empty value or a {@code {{ registration.* }}}
 * placeholder takes the registration's value, and so does every version when forced. Node references (task
 * nodes, sub-workflow and launch plan references, branches, array nodes, failure nodes) are filled too.
 */
public final class Ids {
  static final String PROJECT_PATTERN = "{{ registration.project }}";
  static final String DOMAIN_PATTERN = "{{ registration.domain }}";
  static final String VERSION_PATTERN = "{{ registration.version }}";

  private Ids() {
  }

  /** The id of a {@code TaskSpec}'s or {@code WorkflowSpec}'s template, or a {@code LaunchPlan}'s id. */
  public static Identifier idOf(Message spec) {
    if (spec instanceof TaskSpec t) {
      return t.getTemplate().getId();
    }
    if (spec instanceof WorkflowSpec w) {
      return w.getTemplate().getId();
    }
    if (spec instanceof LaunchPlan lp) {
      return lp.getId();
    }
    throw new IllegalArgumentException(spec.getDescriptorForType().getFullName() + " has no entity id");
  }

  /** {@code spec} with its ids (and the ids it refers to) filled from the registration target. */
  public static Message hydrate(Message spec, String project, String domain, String version, boolean forceVersion) {
    Filler f = new Filler(project, domain, version, forceVersion);
    if (spec instanceof TaskSpec t) {
      TaskSpec.Builder b = t.toBuilder();
      b.getTemplateBuilder().setId(f.fill(t.getTemplate().getId()));
      return b.build();
    }
    if (spec instanceof WorkflowSpec w) {
      WorkflowSpec.Builder b = w.toBuilder();
      b.setTemplate(f.fill(w.getTemplate()));
      b.clearSubWorkflows();
      for (WorkflowTemplate sub : w.getSubWorkflowsList()) {
        b.addSubWorkflows(f.fill(sub));
      }
      return b.build();
    }
    if (spec instanceof LaunchPlan lp) {
      LaunchPlan.Builder b = lp.toBuilder().setId(f.fill(lp.getId()));
      if (lp.hasSpec() && lp.getSpec().hasWorkflowId()) {
        b.getSpecBuilder().setWorkflowId(f.fill(lp.getSpec().getWorkflowId()));
      }
      return b.build();
    }
    throw new IllegalArgumentException(spec.getDescriptorForType().getFullName()
        + " is not a TaskSpec, WorkflowSpec or LaunchPlan");
  }

  private record Filler(String project, String domain, String version, boolean force) {

    Identifier fill(Identifier id) {
      Identifier.Builder b = id.toBuilder();
      if (id.getProject().isEmpty() || PROJECT_PATTERN.equals(id.getProject())) {
        b.setProject(project);
      }
      if (id.getDomain().isEmpty() || DOMAIN_PATTERN.equals(id.getDomain())) {
        b.setDomain(domain);
      }
      if (force || id.getVersion().isEmpty() || VERSION_PATTERN.equals(id.getVersion())) {
        b.setVersion(version);
      }
      return b.build();
    }

    WorkflowTemplate fill(WorkflowTemplate t) {
      WorkflowTemplate.Builder b = t.toBuilder().setId(fill(t.getId())).clearNodes();
      for (Node n : t.getNodesList()) {
        b.addNodes(fill(n));
      }
      if (t.hasFailureNode()) {
        b.setFailureNode(fill(t.getFailureNode()));
      }
      return b.build();
    }

    Node fill(Node n) {
      Node.Builder b = n.toBuilder();
      switch (n.getTargetCase()) {
        case TASK_NODE -> {
          if (n.getTaskNode().hasReferenceId()) {
            b.getTaskNodeBuilder().setReferenceId(fill(n.getTaskNode().getReferenceId()));
          }
        }
        case WORKFLOW_NODE -> {
          if (n.getWorkflowNode().hasSubWorkflowRef()) {
            b.getWorkflowNodeBuilder().setSubWorkflowRef(fill(n.getWorkflowNode().getSubWorkflowRef()));
          } else if (n.getWorkflowNode().hasLaunchplanRef()) {
            b.getWorkflowNodeBuilder().setLaunchplanRef(fill(n.getWorkflowNode().getLaunchplanRef()));
          }
        }
        case BRANCH_NODE -> {
          var ifElse = b.getBranchNodeBuilder().getIfElseBuilder();
          if (ifElse.hasCase()) {
            ifElse.getCaseBuilder().setThenNode(fill(ifElse.getCase().getThenNode()));
          }
          for (int i = 0; i < ifElse.getOtherCount(); i++) {
            IfBlock other = ifElse.getOther(i);
            ifElse.setOther(i, other.toBuilder().setThenNode(fill(other.getThenNode())));
          }
          if (ifElse.hasElseNode()) {
            ifElse.setElseNode(fill(ifElse.getElseNode()));
          }
        }
        case ARRAY_NODE -> {
          if (n.getArrayNode().hasNode()) {
            b.getArrayNodeBuilder().setNode(fill(n.getArrayNode().getNode()));
          }
        }
        default -> {
          // gate nodes and nodes without a target refer to no entity
        }
      }
      return b.build();
    }
  }
}
