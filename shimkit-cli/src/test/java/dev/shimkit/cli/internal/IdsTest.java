package dev.shimkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Workflow.BranchNode;
import flyteidl.core.Workflow.IfBlock;
import flyteidl.core.Workflow.IfElseBlock;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.TaskNode;
import flyteidl.core.Workflow.WorkflowNode;
import flyteidl.core.Workflow.WorkflowTemplate;
import org.junit.jupiter.api.Test;

class IdsTest {
  private static Identifier id(ResourceType t, String name, String project, String version) {
    return Identifier.newBuilder().setResourceType(t).setName(name).setProject(project).setVersion(version).build();
  }

  private static Node taskNode(String nodeId, Identifier ref) {
    return Node.newBuilder().setId(nodeId).setTaskNode(TaskNode.newBuilder().setReferenceId(ref)).build();
  }

  @Test
  void fillsEmptyAndPlaceholderPartsOnlyUnlessVersionIsForced() {
    TaskSpec spec = TaskSpec.newBuilder().setTemplate(TaskTemplate.newBuilder()
        .setId(id(ResourceType.TASK, "t", "{{ registration.project }}", "keep"))).build();
    Identifier filled = ((TaskSpec) Ids.hydrate(spec, "proj", "dev", "v2", false)).getTemplate().getId();
    assertThat(filled).isEqualTo(id(ResourceType.TASK, "t", "proj", "keep").toBuilder().setDomain("dev").build());
    Identifier forced = ((TaskSpec) Ids.hydrate(spec, "proj", "dev", "v2", true)).getTemplate().getId();
    assertThat(forced.getVersion()).isEqualTo("v2");
  }

  @Test
  void workflowNodesBranchesFailureNodeAndSubWorkflowsAreFilled() {
    Identifier empty = id(ResourceType.TASK, "t", "", "");
    Node branch = Node.newBuilder().setId("b").setBranchNode(BranchNode.newBuilder().setIfElse(IfElseBlock.newBuilder()
        .setCase(IfBlock.newBuilder().setThenNode(taskNode("then", empty)))
        .addOther(IfBlock.newBuilder().setThenNode(taskNode("other", empty)))
        .setElseNode(taskNode("else", empty)))).build();
    Node lpNode = Node.newBuilder().setId("lp").setWorkflowNode(WorkflowNode.newBuilder()
        .setLaunchplanRef(id(ResourceType.LAUNCH_PLAN, "lp", "", ""))).build();
    WorkflowSpec spec = WorkflowSpec.newBuilder().setTemplate(WorkflowTemplate.newBuilder()
            .setId(id(ResourceType.WORKFLOW, "wf", "", "")).addNodes(taskNode("n0", empty)).addNodes(branch)
            .addNodes(lpNode).setFailureNode(taskNode("fail", empty)))
        .addSubWorkflows(WorkflowTemplate.newBuilder().setId(id(ResourceType.WORKFLOW, "sub", "", ""))
            .addNodes(taskNode("s0", empty)))
        .build();
    WorkflowSpec h = (WorkflowSpec) Ids.hydrate(spec, "p", "d", "v", false);
    WorkflowTemplate t = h.getTemplate();
    assertThat(t.getId().getProject() + t.getId().getDomain() + t.getId().getVersion()).isEqualTo("pdv");
    assertThat(t.getNodes(0).getTaskNode().getReferenceId().getVersion()).isEqualTo("v");
    IfElseBlock ifElse = t.getNodes(1).getBranchNode().getIfElse();
    assertThat(ifElse.getCase().getThenNode().getTaskNode().getReferenceId().getProject()).isEqualTo("p");
    assertThat(ifElse.getOther(0).getThenNode().getTaskNode().getReferenceId().getDomain()).isEqualTo("d");
    assertThat(ifElse.getElseNode().getTaskNode().getReferenceId().getVersion()).isEqualTo("v");
    assertThat(t.getNodes(2).getWorkflowNode().getLaunchplanRef().getProject()).isEqualTo("p");
    assertThat(t.getFailureNode().getTaskNode().getReferenceId().getProject()).isEqualTo("p");
    assertThat(h.getSubWorkflows(0).getId().getVersion()).isEqualTo("v");
    assertThat(h.getSubWorkflows(0).getNodes(0).getTaskNode().getReferenceId().getDomain()).isEqualTo("d");
  }

  @Test
  void launchPlanIdAndItsWorkflowIdAreFilled() {
    LaunchPlan lp = LaunchPlan.newBuilder().setId(id(ResourceType.LAUNCH_PLAN, "lp", "", ""))
        .setSpec(LaunchPlanSpec.newBuilder().setWorkflowId(id(ResourceType.WORKFLOW, "wf", "", ""))).build();
    LaunchPlan h = (LaunchPlan) Ids.hydrate(lp, "p", "d", "v", false);
    assertThat(h.getId().getProject()).isEqualTo("p");
    assertThat(h.getSpec().getWorkflowId().getVersion()).isEqualTo("v");
  }
}
