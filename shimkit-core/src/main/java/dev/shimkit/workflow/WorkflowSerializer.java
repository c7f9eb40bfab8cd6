package dev.shimkit.workflow;

import com.google.protobuf.TextFormat;
import dev.shimkit.config.SerializationSettings;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntity;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Workflow.WorkflowMetadata;
import flyteidl.core.Workflow.WorkflowMetadataDefaults;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Writes workflows as flytekit's translator ({@code get_serializable_workflow}) does. */
final class WorkflowSerializer {
  private WorkflowSerializer() {
  }

  static Identifier id(ResourceType type, SerializationSettings settings, String name) {
    return Identifier.newBuilder().setResourceType(type).setProject(nonNull(settings.project()))
        .setDomain(nonNull(settings.domain())).setName(name).setVersion(nonNull(settings.version())).build();
  }

  static WorkflowTemplate template(Workflow wf, SerializationSettings settings) {
    Workflow.Compiled c = wf.compiled();
    WorkflowMetadata.Builder metadata = WorkflowMetadata.newBuilder();
    if (wf.failurePolicy() != FailurePolicy.FAIL_IMMEDIATELY) {
      metadata.setOnFailure(wf.failurePolicy().idl());
    }
    WorkflowTemplate.Builder b = WorkflowTemplate.newBuilder()
        .setId(id(ResourceType.WORKFLOW, settings, wf.name()))
        .setMetadata(metadata)
        .setMetadataDefaults(WorkflowMetadataDefaults.newBuilder().setInterruptible(wf.interruptible()))
        .setInterface(c.typedInterface());
    for (Node<?> n : c.nodes()) {
      b.addNodes(n.toIdl(settings));
    }
    c.outputs().forEach((name, out) -> b.addOutputs(Binding.newBuilder().setVar(name)
        .setBinding(out.value().toIdl())));
    return b.build();
  }

  static WorkflowSpec spec(Workflow wf, SerializationSettings settings) {
    Set<WorkflowTemplate> subs = new LinkedHashSet<>();
    for (Workflow sub : wf.subWorkflows()) {
      subs.add(template(sub, settings));
    }
    List<WorkflowTemplate> sorted = new ArrayList<>(subs);
    sorted.sort(Comparator.comparing(TextFormat::shortDebugString));
    WorkflowSpec.Builder b = WorkflowSpec.newBuilder().setTemplate(template(wf, settings)).addAllSubWorkflows(sorted);
    wf.docs().ifPresent(d -> b.setDescription(DescriptionEntity.newBuilder().setShortDescription(d)));
    return b.build();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
