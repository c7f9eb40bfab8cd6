package dev.shimkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import dev.shimkit.config.SerializationSettings;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.task.ResourceSpec;
import dev.shimkit.task.Resources;
import dev.shimkit.testing.Golden;
import dev.shimkit.workflow.WfTasks.AddIn;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.ScheduleOuterClass.FixedRateUnit;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.WorkflowMetadata.OnFailurePolicy;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What shimkit writes against what flytekit 1.15 writes for the equivalent workflows (hand-derived from its
 * translator, see {@code flytekit-shapes/README.md}), compared message for message.
 */
class SerializationTest {
  private static final SerializationSettings SETTINGS = SerializationSettings.forImage("ghcr.io/acme/app:1", "v1",
      "proj", "dev");

  @SuppressWarnings("unchecked")
  private static <M extends Message> M expected(String file, M.Builder builder) throws IOException {
    try (InputStream in = SerializationTest.class.getResourceAsStream("/flytekit-shapes/" + file)) {
      TextFormat.merge(new String(in.readAllBytes(), StandardCharsets.UTF_8), builder);
    }
    return (M) builder.build();
  }

  @Test
  void chainWorkflowSpecIsWhatFlytekitWrites() throws IOException {
    WorkflowSpec actual = WfTasks.CHAIN.toWorkflowSpec(SETTINGS);
    assertThat(actual).isEqualTo(expected("chain.workflow_spec.pbtxt", WorkflowSpec.newBuilder()));
    assertThat(WorkflowSpec.parseFrom(actual.toByteArray())).isEqualTo(actual);
  }

  @Test
  void nodeReferencesTheTaskAsFlytekitRegistersIt() throws IOException {
    TaskSpec golden = TaskSpec.parseFrom(Golden.bytes("pyflyte_serialize/1_pyref_tasks.add_one_1.task_spec.pb"));
    SerializationSettings packaging = SerializationSettings.newBuilder()
        .imageConfig(SETTINGS.imageConfig()).build();
    WorkflowTemplate t = WfTasks.CHAIN.toTemplate(packaging);
    Node n0 = t.getNodes(0);
    assertThat(n0.getTaskNode().getReferenceId()).isEqualTo(golden.getTemplate().getId());
    assertThat(WfTasks.ADD_ONE.serializeToModel(packaging).getInterface()).isEqualTo(golden.getTemplate().getInterface());
    assertThat(t.getId().getProject()).isEmpty();
    assertThat(t.getId().getName()).isEqualTo("wf.chain");
  }

  @Test
  void conditionalWorkflowSpecIsWhatFlytekitWrites() throws IOException {
    assertThat(WfTasks.MULTIPLIER.toWorkflowSpec(SETTINGS))
        .isEqualTo(expected("multiplier.workflow_spec.pbtxt", WorkflowSpec.newBuilder()));
  }

  @Test
  void subWorkflowNodesAndSubWorkflowTemplates() {
    WorkflowSpec spec = WfTasks.PARENT.toWorkflowSpec(SETTINGS);
    WorkflowTemplate t = spec.getTemplate();
    assertThat(spec.getSubWorkflowsList()).containsExactly(WfTasks.SUB.toTemplate(SETTINGS));
    assertThat(spec.getDescription().getShortDescription()).isEqualTo("parent of sub");
    Node sub = t.getNodes(0);
    assertThat(sub.getId()).isEqualTo("n0");
    assertThat(sub.getWorkflowNode().getSubWorkflowRef().getName()).isEqualTo("wf.sub");
    // flytekit: NodeMetadata(name=short name, interruptible=False) -> interruptible set to false, retries {}
    assertThat(sub.getMetadata().getName()).isEqualTo("sub");
    assertThat(sub.getMetadata().hasInterruptible()).isTrue();
    assertThat(sub.getMetadata().getInterruptible()).isFalse();
    assertThat(sub.getMetadata().hasRetries()).isTrue();
    assertThat(sub.getMetadata().hasTimeout()).isFalse();
    // the sub-workflow's default for b is bound as a constant, inputs sorted by name
    assertThat(sub.getInputsList()).extracting(b -> b.getVar()).containsExactly("a", "b");
    assertThat(sub.getInputs(1).getBinding().getScalar().getPrimitive().getInteger()).isEqualTo(1L);
    Node hello = t.getNodes(1);
    assertThat(hello.getUpstreamNodeIdsList()).containsExactly("n0");
    assertThat(hello.getInputsList()).extracting(b -> b.getVar()).containsExactly("name", "times");
    assertThat(hello.getInputs(0).getBinding().getScalar().getPrimitive().getStringValue()).isEqualTo("flyte");
    Node branch = t.getNodes(2);
    assertThat(branch.getId()).isEqualTo("n2");
    assertThat(branch.getInputsList()).extracting(b -> b.getVar()).containsExactly("n1.length");
    assertThat(branch.getUpstreamNodeIdsList()).containsExactly("n1");
    assertThat(branch.getBranchNode().getIfElse().getElseNode().getId()).isEqualTo("n1");
    assertThat(branch.getBranchNode().getIfElse().getElseNode().getUpstreamNodeIdsList()).containsExactly("n0");
    assertThat(t.getOutputs(0).getBinding().getPromise().getNodeId()).isEqualTo("n2");
    assertThat(WfTasks.PARENT.subWorkflows()).containsExactly(WfTasks.SUB);
  }

  @Test
  void overridesAndFailurePolicySerialize() {
    Workflow wf = Workflow.builder("wf.overridden").failurePolicy(FailurePolicy.FAIL_AFTER_EXECUTABLE_NODES_COMPLETE)
        .interruptible(true).define(b -> {
          dev.shimkit.workflow.Node<Long> a = b.call(WfTasks.ADD_ONE, in -> in.set(AddIn::x).to(1L))
              .withId("first").withName("first one").withTimeout(Duration.ofSeconds(90)).withRetries(4)
              .withResources(new ResourceSpec(Resources.builder().cpu("2").build(), Resources.builder().mem("4Gi")
                  .build())).withImage("ghcr.io/acme/big:2").withCache(true, "7").withCacheSerialize(true);
          dev.shimkit.workflow.Node<Long> c = b.call(WfTasks.ADD_ONE, in -> in.set(AddIn::x).to(2L));
          a.runsBefore(c);
          b.output("o", c.output());
        });
    WorkflowTemplate t = wf.toTemplate(SETTINGS);
    assertThat(t.getMetadata().getOnFailure()).isEqualTo(OnFailurePolicy.FAIL_AFTER_EXECUTABLE_NODES_COMPLETE);
    assertThat(t.getMetadataDefaults().getInterruptible()).isTrue();
    Node first = t.getNodes(0);
    assertThat(first.getId()).isEqualTo("first");
    assertThat(first.getMetadata().getName()).isEqualTo("first one");
    assertThat(first.getMetadata().getTimeout().getSeconds()).isEqualTo(90);
    assertThat(first.getMetadata().getRetries().getRetries()).isEqualTo(4);
    assertThat(first.getMetadata().getCacheable()).isTrue();
    assertThat(first.getMetadata().getCacheVersion()).isEqualTo("7");
    assertThat(first.getMetadata().getCacheSerializable()).isTrue();
    assertThat(first.getTaskNode().getOverrides().getContainerImage()).isEqualTo("ghcr.io/acme/big:2");
    assertThat(first.getTaskNode().getOverrides().getResources().getRequests(0).getValue()).isEqualTo("2");
    assertThat(first.getTaskNode().getOverrides().getResources().getLimits(0).getValue()).isEqualTo("4Gi");
    assertThat(t.getNodes(1).getUpstreamNodeIdsList()).containsExactly("first");
  }

  @Test
  void defaultLaunchPlanIsWhatFlytekitWrites() throws IOException {
    LaunchPlan lp = WfTasks.CHAIN.defaultLaunchPlan().toLaunchPlan(SETTINGS);
    assertThat(lp).isEqualTo(expected("chain.launch_plan.pbtxt", LaunchPlan.newBuilder()));
    assertThat(WfTasks.CHAIN.defaultLaunchPlan()).isSameAs(WfTasks.CHAIN.defaultLaunchPlan());
    assertThat(WfTasks.CHAIN.defaultLaunchPlan().isDefault()).isTrue();
  }

  @Test
  void namedLaunchPlanWithDefaultsFixedInputsAndCron() throws IOException {
    assertThat(WfTasks.SUB_DAILY.toLaunchPlan(SETTINGS))
        .isEqualTo(expected("sub_daily.launch_plan.pbtxt", LaunchPlan.newBuilder()));
    assertThat(WfTasks.SUB_DAILY.location()).isEqualTo(WfTasks.class.getName() + ".SUB_DAILY");
    // the workflow's own default (b = 1) shows in its default launch plan
    LaunchPlan sub = WfTasks.SUB.defaultLaunchPlan().toLaunchPlan(SETTINGS);
    assertThat(sub.getSpec().getDefaultInputs().getParametersOrThrow("a").getRequired()).isTrue();
    assertThat(sub.getSpec().getDefaultInputs().getParametersOrThrow("b").getDefault().getScalar().getPrimitive()
        .getInteger()).isEqualTo(1L);
  }

  @Test
  void fixedRateLaunchPlanWithLabelsAndParallelism() {
    LaunchPlan lp = WfTasks.PARENT_LP.toLaunchPlan(SETTINGS);
    assertThat(lp.getId().getName()).isEqualTo("wf.parent_lp");
    assertThat(lp.getSpec().getWorkflowId().getName()).isEqualTo("wf.parent");
    assertThat(lp.getSpec().getEntityMetadata().getSchedule().getRate().getValue()).isEqualTo(2);
    assertThat(lp.getSpec().getEntityMetadata().getSchedule().getRate().getUnit()).isEqualTo(FixedRateUnit.HOUR);
    assertThat(lp.getSpec().getDefaultInputs().getParametersMap()).isEmpty();
    assertThat(lp.getSpec().getFixedInputs().getLiteralsOrThrow("a").getScalar().getPrimitive().getInteger())
        .isEqualTo(7L);
    assertThat(lp.getSpec().getLabels().getValuesMap()).containsExactly(Map.entry("team", "data"));
    assertThat(lp.getSpec().getMaxParallelism()).isEqualTo(2);
  }

  @Test
  void schedulesValidateAsFlytekitDoes() {
    assertThat(Schedule.fixedRate(Duration.ofMinutes(90)).toIdl().getRate().getUnit()).isEqualTo(FixedRateUnit.MINUTE);
    assertThat(Schedule.fixedRate(Duration.ofDays(2)).toIdl().getRate().getValue()).isEqualTo(2);
    assertThatThrownBy(() -> Schedule.fixedRate(Duration.ofSeconds(90))).isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("less than a minute");
    assertThat(Schedule.cron("0 9 * * 1-5", "P1D").toIdl().getCronSchedule().getOffset()).isEqualTo("P1D");
    assertThatThrownBy(() -> Schedule.cron("every day")).hasMessageContaining("Schedule is invalid");
    assertThat(Schedule.cronExpression("0 10 * * ? *").withKickoffTimeInputArg("t").toIdl())
        .satisfies(s -> assertThat(s.getCronExpression()).isEqualTo("0 10 * * ? *"))
        .satisfies(s -> assertThat(s.getKickoffTimeInputArg()).isEqualTo("t"));
    assertThatThrownBy(() -> Schedule.cronExpression("0 10 * * 1 *")).hasMessageContaining("'?'");
  }

  @Test
  void launchPlanMistakesAreNamed() {
    dev.shimkit.workflow.LaunchPlan wrongInput = dev.shimkit.workflow.LaunchPlan.builder("lp.bad", WfTasks.CHAIN)
        .fixedInput("y", 1L).build();
    assertThatThrownBy(() -> wrongInput.toLaunchPlan(SETTINGS)).isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("Launch plan 'lp.bad': workflow 'wf.chain' has no input 'y'");
    dev.shimkit.workflow.LaunchPlan kickoff = dev.shimkit.workflow.LaunchPlan.builder("lp.kick", WfTasks.CHAIN)
        .schedule(Schedule.cron("@hourly").withKickoffTimeInputArg("x")).build();
    assertThatThrownBy(() -> kickoff.toLaunchPlan(SETTINGS)).hasMessageContaining("must be a datetime");
  }
}
