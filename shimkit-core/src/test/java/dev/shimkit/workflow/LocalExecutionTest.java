package dev.shimkit.workflow;

import static dev.shimkit.workflow.WfTasks.ADD_ONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.errors.TaskExecutionException;
import dev.shimkit.workflow.WfTasks.AddIn;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

class LocalExecutionTest {

  @Test
  void chainRunsInDependencyOrder() {
    assertThat(WfTasks.CHAIN.run(Map.of("x", 1L))).containsExactly(Map.entry("o0", 3L));
  }

  @Test
  void branchesTakeTheFirstMatchingCaseOrFail() {
    assertThat(WfTasks.MULTIPLIER.run(Map.of("my_input", 0.3))).containsEntry("o0", 0.6);
    assertThat(WfTasks.MULTIPLIER.run(Map.of("my_input", 5.0))).containsEntry("o0", 25.0);
    assertThat(WfTasks.MULTIPLIER.run(Map.of("my_input", 1.0))).containsEntry("o0", 2.0);
    assertThatThrownBy(() -> WfTasks.MULTIPLIER.run(Map.of("my_input", 10.5)))
        .isInstanceOf(WorkflowExecutionException.class)
        .hasMessageContaining("failed at node 'n0' (conditional 'fractions')")
        .hasMessageContaining("The input must be between 0 and 10");
  }

  @Test
  void comparisonsAndBooleanOperatorsEvaluateLikeFlyte() {
    Workflow wf = Workflow.define("wf.ops", b -> {
      Promise<Long> x = b.input("x", Long.class);
      Promise<String> s = b.input("s", String.class);
      Promise<Boolean> flag = b.input("flag", Boolean.class);
      Promise<java.util.Optional<Long>> opt = b.input("opt", dev.shimkit.types.Types.optionalOf(Long.class));
      b.output("o", b.conditional("ops")
          .when(x.eq(1L).or(x.eq(2L)), bb -> bb.call(ADD_ONE, in -> in.set(AddIn::x).to(100L)).output())
          .orWhen(s.eq("go").and(flag.isTrue()), bb -> bb.call(ADD_ONE, in -> in.set(AddIn::x).to(200L)).output())
          .orWhen(opt.isNone().and(x.ne(3L)), bb -> bb.call(ADD_ONE, in -> in.set(AddIn::x).to(300L)).output())
          .orWhen(x.lt(opt), bb -> bb.call(ADD_ONE, in -> in.set(AddIn::x).to(400L)).output())
          .otherwise(bb -> bb.call(ADD_ONE, in -> in.set(AddIn::x).to(x)).output()));
    });
    java.util.Optional<Long> none = java.util.Optional.empty();
    assertThat(wf.run(Map.of("x", 2L, "s", "", "flag", false, "opt", none))).containsEntry("o", 101L);
    assertThat(wf.run(Map.of("x", 9L, "s", "go", "flag", true, "opt", none))).containsEntry("o", 201L);
    assertThat(wf.run(Map.of("x", 9L, "s", "go", "flag", false, "opt", none))).containsEntry("o", 301L);
    assertThat(wf.run(Map.of("x", 3L, "s", "", "flag", false, "opt", java.util.Optional.of(5L))))
        .containsEntry("o", 401L);
    assertThat(wf.run(Map.of("x", 7L, "s", "", "flag", false, "opt", java.util.Optional.of(5L))))
        .containsEntry("o", 8L);
  }

  @Test
  void nestedConditionalsRunTheInnerBranch() {
    Workflow wf = Workflow.define("wf.nested", b -> {
      Promise<Double> x = b.input("x", Double.class);
      b.output("o0", b.conditional("fractions")
          .when(x.gt(0.1).and(x.lt(1.0)), bb -> bb.conditional("inner")
              .when(x.lt(0.5), bbb -> bbb.call(WfTasks.DOUBLE, in -> in.set(WfTasks.N::n).to(x)).output())
              .otherwiseFail("Only <0.5 allowed"))
          .orWhen(x.gt(1.0), bb -> bb.call(WfTasks.SQUARE, in -> in.set(WfTasks.N::n).to(x)).output())
          .otherwiseFail("out of range"));
    });
    assertThat(wf.run(Map.of("x", 0.3))).containsEntry("o0", 0.6);
    assertThat(wf.run(Map.of("x", 3.0))).containsEntry("o0", 9.0);
    assertThatThrownBy(() -> wf.run(Map.of("x", 0.7))).isInstanceOf(WorkflowExecutionException.class)
        .hasMessageContaining("Only <0.5 allowed");
    assertThat(wf.nodes().get(0).id()).isEqualTo("n0");
  }

  @Test
  void subWorkflowTemplateTaskAndBranchTogether() {
    assertThat(WfTasks.PARENT.run(Map.of("a", 7L))).containsExactly(Map.entry("result", 105L));
    assertThat(WfTasks.PARENT.run(Map.of("a", 0L))).containsExactly(Map.entry("result", 2L));
    assertThat(WfTasks.SUB.run(Map.of("a", 5L))).containsEntry("sum", 6L).containsEntry("sub", 4L);
    assertThat(WfTasks.PARENT.subWorkflows()).containsExactly(WfTasks.SUB);
    assertThat(WfTasks.PARENT.tasks()).containsExactly(WfTasks.SUM_SUB, dev.shimkit.testing.SampleTasks.HELLO,
        ADD_ONE);
  }

  @Test
  void launchPlansRunWithFixedAndDefaultInputs() {
    assertThat(WfTasks.PARENT_LP.run(Map.of())).containsEntry("result", 105L);
    assertThatThrownBy(() -> WfTasks.PARENT_LP.run(Map.of("a", 1L))).hasMessageContaining("fixes input 'a'");
    assertThat(WfTasks.SUB_DAILY.run(Map.of())).containsEntry("sum", 6L).containsEntry("sub", 2L);
    assertThat(WfTasks.SUB_DAILY.run(Map.of("a", 10L))).containsEntry("sum", 12L);
    Workflow viaLp = Workflow.define("wf.calls_lp", b -> b.output("s",
        b.call(WfTasks.SUB_DAILY, Map.of()).output("sum", Long.class)));
    assertThat(viaLp.run(Map.of())).containsEntry("s", 6L);
  }

  @Test
  void independentNodesRunConcurrently() {
    WfTasks.barrier = new CyclicBarrier(2);
    Map<String, Object> out = WorkflowExecutor.builder().parallelism(2).build().run(WfTasks.FAN_OUT, Map.of("x", 4L));
    assertThat(out).containsEntry("a", 4L).containsEntry("b", 4L);
  }

  @Test
  void parallelismBoundsHowManyNodesRunAtOnce() {
    WfTasks.MAX_RUNNING.set(0);
    WorkflowExecutor.builder().parallelism(1).build().run(WfTasks.FOUR_COUNTED, Map.of());
    assertThat(WfTasks.MAX_RUNNING.get()).isEqualTo(1);
    WfTasks.barrier = new CyclicBarrier(2);
    WfTasks.meetTimeoutMillis = 500;
    try {
      assertThatThrownBy(() -> WorkflowExecutor.builder().parallelism(1).build()
        .run(Workflow.define("wf.fan_out_serial", b -> {
          Promise<Long> x = b.input("x", Long.class);
          b.call(WfTasks.MEET, in -> in.set(AddIn::x).to(x));
          b.call(WfTasks.MEET, in -> in.set(AddIn::x).to(x));
        }), Map.of("x", 1L))).isInstanceOf(WorkflowExecutionException.class)
          .hasMessageContaining("TimeoutException");
    } finally {
      WfTasks.meetTimeoutMillis = 30_000;
    }
  }

  @Test
  void recoverableFailuresAreRetriedUpToTheNodesRetries() {
    WfTasks.FLAKY_ATTEMPTS.clear();
    Workflow wf = Workflow.define("wf.flaky", b -> b.output("o",
        b.call(WfTasks.FLAKY, in -> in.set(AddIn::x).to(b.input("x", Long.class))).output()));
    assertThat(wf.run(Map.of("x", 5L))).containsEntry("o", 50L);
    assertThat(WfTasks.FLAKY_ATTEMPTS.get(5L).get()).isEqualTo(3);
    Workflow fewer = Workflow.define("wf.flaky_fewer", b -> b.output("o",
        b.call(WfTasks.FLAKY, in -> in.set(AddIn::x).to(b.input("x", Long.class))).withRetries(1).output()));
    assertThatThrownBy(() -> fewer.run(Map.of("x", 6L))).isInstanceOf(WorkflowExecutionException.class)
        .hasMessageContaining("attempt 2");
    assertThat(WfTasks.FLAKY_ATTEMPTS.get(6L).get()).isEqualTo(2);
  }

  @Test
  void failingNodeStopsTheWorkflowAndFinishedOutputsAreKept() {
    Workflow wf = Workflow.define("wf.fails", b -> {
      Promise<Long> x = b.input("x", Long.class);
      Promise<Long> ok = b.call(ADD_ONE, in -> in.set(AddIn::x).to(x)).output();
      Promise<Long> bad = b.call(WfTasks.FAILING, in -> in.set(AddIn::x).to(ok)).output();
      b.output("o", b.call(ADD_ONE, in -> in.set(AddIn::x).to(bad)).output());
    });
    WorkflowExecutionException e = (WorkflowExecutionException) org.assertj.core.api.Assertions
        .catchThrowable(() -> wf.run(Map.of("x", 1L)));
    assertThat(e.failedNodeId()).isEqualTo("n1");
    assertThat(e.getMessage()).contains("Workflow 'wf.fails' failed at node 'n1' (task 'wf.tasks.failing')",
        "quota of 2 exceeded");
    assertThat(e.getCause()).isInstanceOf(TaskExecutionException.class);
    assertThat(e.errorCode()).isEqualTo("USER:QuotaExceeded");
    assertThat(e.completedNodeOutputs()).containsOnlyKeys("n0");
    assertThat(e.completedNodeOutputs().get("n0")).containsEntry("o0", 2L);
    assertThat(e.completedNodeLiterals().get("n0").getLiteralsOrThrow("o0").getScalar().getPrimitive()
        .getInteger()).isEqualTo(2L);
  }

  @Test
  void failAfterExecutableNodesCompleteRunsIndependentNodes() {
    Workflow wf = Workflow.builder("wf.fail_after").failurePolicy(FailurePolicy.FAIL_AFTER_EXECUTABLE_NODES_COMPLETE)
        .define(b -> {
          Node<Long> bad = b.call(WfTasks.FAILING, in -> in.set(AddIn::x).to(1L));
          b.call(ADD_ONE, in -> in.set(AddIn::x).to(bad.output()));
          Node<Long> late = b.call(ADD_ONE, in -> in.set(AddIn::x).to(10L));
          bad.runsBefore(b.call(ADD_ONE, in -> in.set(AddIn::x).to(20L)));
          late.withId("late");
        });
    WorkflowExecutionException e = (WorkflowExecutionException) org.assertj.core.api.Assertions
        .catchThrowable(() -> WorkflowExecutor.builder().parallelism(1).build().run(wf, Map.of()));
    assertThat(e.failedNodeId()).isEqualTo("n0");
    assertThat(e.completedNodeOutputs()).containsOnlyKeys("late");
  }

  @Test
  void failureInsideASubWorkflowNamesTheInnerNode() {
    Workflow sub = Workflow.define("wf.sub_fails", b -> b.output("o",
        b.call(WfTasks.FAILING, in -> in.set(AddIn::x).to(b.input("x", Long.class))).output()));
    Workflow wf = Workflow.define("wf.outer_fails", b -> {
      b.call(ADD_ONE, in -> in.set(AddIn::x).to(1L));
      b.output("o", b.call(sub, Map.of("x", 3L)).output("o", Long.class));
    });
    WorkflowExecutionException e = (WorkflowExecutionException) org.assertj.core.api.Assertions
        .catchThrowable(() -> wf.run(Map.of()));
    assertThat(e.failedNodeId()).isEqualTo("n1-n0");
    assertThat(e.completedNodeOutputs()).containsKey("n0");
  }

  @Test
  void missingAndUnknownInputsAreRejected() {
    assertThatThrownBy(() -> WfTasks.CHAIN.run(Map.of())).isInstanceOf(FlyteUserException.class)
        .hasMessageContaining("missing input 'x'");
    assertThatThrownBy(() -> WfTasks.CHAIN.run(Map.of("x", 1L, "y", 2L))).hasMessageContaining("no input 'y'");
  }
}
