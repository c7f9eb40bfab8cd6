package dev.shimkit.workflow;

import static dev.shimkit.workflow.WfTasks.ADD_ONE;
import static dev.shimkit.workflow.WfTasks.COUNT_WORDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.testing.SampleTasks;
import dev.shimkit.workflow.WfTasks.AddIn;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowCompileTest {

  private static WorkflowCompilationException compileError(Workflow wf) {
    try {
      wf.compile();
    } catch (WorkflowCompilationException e) {
      return e;
    }
    throw new AssertionError("expected " + wf + " not to compile");
  }

  @Test
  void chainCompilesToNodesWithFlytekitIdsAndUpstreams() {
    Workflow wf = WfTasks.CHAIN.compile();
    assertThat(wf.nodes()).extracting(Node::id).containsExactly("n0", "n1");
    assertThat(wf.nodes().get(0).upstream()).isEmpty();
    assertThat(wf.nodes().get(1).upstream()).containsExactly(wf.nodes().get(0));
    assertThat(wf.nodes().get(0).name()).isEqualTo("add_one");
    assertThat(wf.typedInterface().getInputs().getVariablesMap()).containsOnlyKeys("x");
    assertThat(wf.tasks()).containsExactly(ADD_ONE);
  }

  @Test
  void unboundInputNamesWorkflowNodeAndInput() {
    Workflow wf = Workflow.define("wf.unbound", b -> b.call(ADD_ONE, Map.of()));
    WorkflowCompilationException e = compileError(wf);
    assertThat(e.getMessage()).contains("Workflow 'wf.unbound'", "node 'n0'", "task 'pyref_tasks.add_one'",
        "input 'x' (integer) is not bound");
    assertThat(e.nodeId()).contains("n0");
    assertThat(e.workflowName()).isEqualTo("wf.unbound");
  }

  @Test
  void typeMismatchBetweenPromiseAndInput() {
    Workflow wf = Workflow.define("wf.mismatch", b -> {
      Promise<String> s = b.input("s", String.class);
      Node<Long> n0 = b.call(ADD_ONE, in -> in.set(AddIn::x).to(1L));
      b.call(COUNT_WORDS, Map.of("text", n0.output()));
      b.output("out", s);
    });
    assertThat(compileError(wf).getMessage()).contains("Workflow 'wf.mismatch'", "node 'n1'",
        "task 'wf.tasks.count_words'", "input 'text' expects string but Promise(n0.o0) is integer");
  }

  @Test
  void constantOfTheWrongTypeIsAMismatchToo() {
    Workflow wf = Workflow.define("wf.bad_constant", b -> b.call(SampleTasks.HELLO,
        Map.of("name", "x", "times", "three")));
    assertThat(compileError(wf).getMessage()).contains("node 'n0'", "input 'times' expects integer",
        "constant three does not fit");
  }

  @Test
  void cycleThroughRunsBeforeIsReported() {
    Workflow wf = Workflow.define("wf.cycle", b -> {
      Node<Long> a = b.call(ADD_ONE, in -> in.set(AddIn::x).to(1L));
      Node<Long> c = b.call(ADD_ONE, in -> in.set(AddIn::x).to(a.output()));
      c.runsBefore(a);
    });
    assertThat(compileError(wf).getMessage()).contains("Workflow 'wf.cycle'", "is part of a cycle",
        "n0 -> n1 -> n0");
  }

  @Test
  void declaredOutputNeverProduced() {
    Workflow wf = Workflow.builder("wf.no_output").output("total", Long.class)
        .define(b -> b.call(ADD_ONE, in -> in.set(AddIn::x).to(1L)));
    assertThat(compileError(wf).getMessage()).contains("Workflow 'wf.no_output'",
        "output 'total' is declared but never produced");
  }

  @Test
  void reusedNodeIdIsReported() {
    Workflow wf = Workflow.define("wf.reused", b -> {
      b.call(ADD_ONE, in -> in.set(AddIn::x).to(1L)).withId("load");
      b.call(ADD_ONE, in -> in.set(AddIn::x).to(2L)).withId("load");
    });
    assertThat(compileError(wf).getMessage()).contains("Workflow 'wf.reused'", "node 'load'",
        "reuses node id 'load' of task 'pyref_tasks.add_one'");
  }

  @Test
  void reservedIdAndUnknownInputAndUnknownOutput() {
    assertThat(compileError(Workflow.define("wf.reserved", b -> b.call(ADD_ONE, in -> in.set(AddIn::x).to(1L))
        .withId("start-node"))).getMessage()).contains("reserved node id 'start-node'");
    assertThat(compileError(Workflow.define("wf.unknown_in", b -> b.call(ADD_ONE, Map.of("x", 1L, "y", 2L))))
        .getMessage()).contains("node 'n0'", "has no input 'y'; its inputs are [x]");
    assertThat(compileError(Workflow.define("wf.unknown_out", b -> b.call(SampleTasks.HELLO,
        Map.of("name", "a", "times", 1L)).output("nope", String.class))).getMessage())
        .contains("node 'n0'", "has no output 'nope'; its outputs are [message, length]");
  }

  @Test
  void promiseOfAnotherWorkflowCannotBeBound() {
    Promise<?>[] leaked = new Promise<?>[1];
    Workflow.define("wf.leaker", b -> leaked[0] = b.input("x", Long.class)).compile();
    Workflow wf = Workflow.define("wf.borrower", b -> b.call(ADD_ONE, Map.of("x", leaked[0])));
    assertThat(compileError(wf).getMessage()).contains("node 'n0'", "belongs to workflow 'wf.leaker'");
  }

  @Test
  void overridesAndNodeNameDnsify() {
    Workflow wf = Workflow.define("wf.overrides", b -> b.call(ADD_ONE, in -> in.set(AddIn::x).to(1L))
        .withId("Load_Data.v2").withName("load").withRetries(3).withTimeout(Duration.ofMinutes(5))
        .withInterruptible(true).withCache(true, "1.0").withImage("ghcr.io/acme/x:1"));
    Node<?> n = wf.compile().nodes().get(0);
    assertThat(n.id()).isEqualTo("load-data-v2");
    assertThat(n.metadata().getRetries().getRetries()).isEqualTo(3);
    assertThat(n.metadata().getTimeout().getSeconds()).isEqualTo(300);
    assertThat(n.metadata().getInterruptible()).isTrue();
    assertThat(n.metadata().getCacheVersion()).isEqualTo("1.0");
    assertThatThrownBy(() -> n.withRetries(1)).isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("compiled already");
  }

  @Test
  void branchMustRunExactlyOneNodeAndUseItsOwnBuilder() {
    Workflow two = Workflow.define("wf.two_in_branch", b -> {
      Promise<Long> x = b.input("x", Long.class);
      b.output("o", b.conditional("c").when(x.gt(1L), bb -> {
        bb.call(ADD_ONE, in -> in.set(AddIn::x).to(x));
        return bb.call(ADD_ONE, in -> in.set(AddIn::x).to(x)).output();
      }).otherwise(bb -> bb.call(ADD_ONE, in -> in.set(AddIn::x).to(x)).output()));
    });
    assertThat(compileError(two).getMessage()).contains("branch 1 of conditional 'c' runs 2 nodes");
    Workflow outerBuilder = Workflow.define("wf.outer_builder", b -> {
      Promise<Long> x = b.input("x", Long.class);
      b.conditional("c").when(x.gt(1L), bb -> b.call(ADD_ONE, in -> in.set(AddIn::x).to(x)).output())
          .otherwise(bb -> bb.call(ADD_ONE, in -> in.set(AddIn::x).to(x)).output());
    });
    assertThat(compileError(outerBuilder).getMessage()).contains("used outside its own scope");
  }

  @Test
  void branchesMustAgreeOnTheirOutputAndCompareOnlyPrimitives() {
    Workflow differ = Workflow.define("wf.differ", b -> {
      Promise<Long> x = b.input("x", Long.class);
      b.conditional("c")
          .when(x.gt(1L), bb -> bb.call(ADD_ONE, in -> in.set(AddIn::x).to(x)).output())
          .otherwise(bb -> bb.call(WfTasks.SUB, Map.of("a", x)).output("sum", Long.class));
    });
    assertThat(compileError(differ).getMessage()).contains("return different outputs: 'o0' and 'sum'");
    Workflow list = Workflow.define("wf.list_cond", b -> {
      Promise<java.util.List<Long>> xs = b.input("xs", dev.shimkit.types.Types.listOf(Long.class));
      b.conditional("c").when(xs.eq(1L), bb -> bb.call(ADD_ONE, in -> in.set(AddIn::x).to(1L)).output())
          .otherwiseFail("no");
    });
    assertThat(compileError(list).getMessage()).contains("only primitive values can be compared");
  }

  @Test
  void taskCompileOutsideAWorkflowFailsClearly() {
    assertThatThrownBy(() -> ADD_ONE.compile(FlyteContextManager.current(), Map.of("x", 1L)))
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("outside a workflow body");
  }

  @Test
  void recordAccessorRejectsLambdas() {
    Workflow wf = Workflow.define("wf.lambda", b -> b.call(ADD_ONE, in -> in.set((AddIn r) -> r.x()).to(1L)));
    assertThatThrownBy(wf::compile).isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("method reference");
  }
}
