package dev.shimkit.workflow;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.context.FlyteContextManager;
import flyteidl.core.Condition.BooleanExpression;
import flyteidl.core.Condition.ComparisonExpression;
import flyteidl.core.Condition.ConjunctionExpression;
import flyteidl.core.Condition.Operand;
import flyteidl.core.Literals.RetryStrategy;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import flyteidl.core.Workflow.IfBlock;
import flyteidl.core.Workflow.IfElseBlock;
import flyteidl.core.Workflow.NodeMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An if/elif/else over promises, compiled to one branch node (flytekit's {@code conditional}). Each branch
 * body gets a builder of the conditional's own scope and must run exactly one node (a task, a sub-workflow, a
 * launch plan or a nested conditional) and return one of its outputs; every branch returns an output of the
 * same name. The section ends with {@link Cases#otherwise} or {@link Cases#otherwiseFail}.
 *
 * <pre>{@code
 * Promise<Double> r = wf.conditional("fractions")
 *     .when(x.gt(0.1).and(x.lt(1.0)), b -> b.call(DOUBLE, in -> in.set(N::n).to(x)).output())
 *     .orWhen(x.gt(1.0), b -> b.call(SQUARE, in -> in.set(N::n).to(x)).output())
 *     .otherwiseFail("The input must be between 0 and 10");
 * }</pre>
 */
public final class Conditional {
  private final WorkflowBuilder outer;
  private final String name;
  private final WorkflowBuilder scope;
  private final FlyteContext context;
  private final List<Case> cases = new ArrayList<>();
  private boolean done;

  Conditional(WorkflowBuilder outer, String name) {
    this.outer = outer;
    this.name = Objects.requireNonNull(name, "name");
    this.scope = new WorkflowBuilder(outer.workflow(), outer, "conditional '" + name + "' of " + outer.label());
    this.context = FlyteContextManager.current().enterConditionalSection(scope);
    scope.attach(context.compilationState().orElseThrow());
  }

  /** The first branch: taken when {@code condition} holds. */
  public <T> Cases<T> when(Condition condition, Function<WorkflowBuilder, Promise<T>> then) {
    Cases<T> c = new Cases<>();
    c.add(condition, then);
    return c;
  }

  /** One case: its condition (null for else) and the node it runs. */
  record Case(Condition condition, Node<?> thenNode) {
  }

  /**
   * The branches so far.
   *
   * @param <T> the Java type of the branches' common output
   */
  public final class Cases<T> {
    private Promise<T> first;

    private Cases() {
    }

    /** Another branch, tried when the ones before did not match. */
    public Cases<T> orWhen(Condition condition, Function<WorkflowBuilder, Promise<T>> then) {
      add(condition, then);
      return this;
    }

    /** The else branch; ends the section and returns its common output. */
    public Promise<T> otherwise(Function<WorkflowBuilder, Promise<T>> then) {
      Promise<T> p = runCase(then);
      cases.add(new Case(null, p.node().orElseThrow()));
      return finish(null);
    }

    /** Ends the section with an else that fails the workflow with {@code message}. */
    public Promise<T> otherwiseFail(String message) {
      return finish(message == null ? "Condition failed" : message);
    }

    private void add(Condition condition, Function<WorkflowBuilder, Promise<T>> then) {
      if (done) {
        throw outer.error(null, "conditional '" + name + "' is complete; start a new one");
      }
      if (condition == null) {
        throw outer.error(null, "conditional '" + name + "' has a branch without a condition; use otherwise()");
      }
      checkCondition(condition);
      Promise<T> p = runCase(then);
      if (first == null) {
        first = p;
      }
      cases.add(new Case(condition, p.node().orElseThrow()));
    }

    private Promise<T> runCase(Function<WorkflowBuilder, Promise<T>> then) {
      int before = scope.nodeCount();
      scope.startCase();
      Promise<T> p;
      try (FlyteContextManager.Scope s = FlyteContextManager.push(context)) {
        p = then.apply(scope);
      }
      if (p == null || p.scope() != scope || p.node().isEmpty()) {
        throw outer.error(null, "branch " + (cases.size() + 1) + " of conditional '" + name + "' must return an "
            + "output of the node it runs, got " + p);
      }
      if (scope.nodeCount() != before + 1) {
        throw outer.error(null, "branch " + (cases.size() + 1) + " of conditional '" + name + "' runs "
            + (scope.nodeCount() - before) + " nodes; a branch runs exactly one node (put several in a sub-workflow)");
      }
      if (first != null && !first.var().equals(p.var())) {
        throw outer.error(null, "the branches of conditional '" + name + "' return different outputs: '"
            + first.var() + "' and '" + p.var() + "'");
      }
      if (first != null && !TypeCompat.castable(p.literalType(), first.literalType())) {
        throw outer.error(null, "the branches of conditional '" + name + "' return different types: "
            + TypeCompat.describe(first.literalType()) + " and " + TypeCompat.describe(p.literalType()));
      }
      return p;
    }

    private Promise<T> finish(String error) {
      if (first == null) {
        throw outer.error(null, "conditional '" + name + "' needs a when(...) branch before its else");
      }
      done = true;
      Branch branch = new Branch(name, List.copyOf(cases), error);
      outer.addBranch(branch);
      Node<T> node = new Node<>(outer, Node.Kind.BRANCH, branch, "conditional '" + name + "'", outer.nextId(),
          NodeMetadata.newBuilder().setName(name).setRetries(RetryStrategy.getDefaultInstance()).build(),
          Map.of(first.var(), first.literalType()), javaTypes(first), true);
      branch.scope = scope;
      outer.add(node);
      return node.output();
    }
  }

  private static Map<String, java.lang.reflect.Type> javaTypes(Promise<?> p) {
    Map<String, java.lang.reflect.Type> m = new java.util.LinkedHashMap<>();
    m.put(p.var(), p.javaType());
    return m;
  }

  private void checkCondition(Condition c) {
    if (c instanceof Condition.Conjunction j) {
      checkCondition(j.left());
      checkCondition(j.right());
      return;
    }
    Condition.Comparison cmp = (Condition.Comparison) c;
    for (Condition.Operand o : List.of(cmp.left(), cmp.right())) {
      if (o instanceof Condition.Ref r) {
        Promise<?> p = r.promise();
        boolean visible = false;
        for (WorkflowBuilder s = outer; s != null; s = s.parent()) {
          visible |= s == p.scope();
        }
        if (!visible) {
          throw outer.error(null, "conditional '" + name + "' compares " + p + " from " + p.scope().label()
              + "; conditions read outputs of this workflow's nodes or its inputs");
        }
        if (!comparable(p.literalType())) {
          throw outer.error(null, "conditional '" + name + "' compares " + p + " of type "
              + TypeCompat.describe(p.literalType()) + "; only primitive values can be compared");
        }
      }
    }
  }

  private static boolean comparable(LiteralType t) {
    if (t.hasUnionType()) {
      return t.getUnionType().getVariantsList().stream().allMatch(Conditional::comparable);
    }
    return t.hasSimple() && Set.of(SimpleType.INTEGER, SimpleType.FLOAT, SimpleType.STRING, SimpleType.BOOLEAN,
        SimpleType.DATETIME, SimpleType.DURATION, SimpleType.NONE).contains(t.getSimple());
  }

  /** The compiled if/else of a branch node. */
  static final class Branch {
    private final String name;
    private final List<Case> cases;
    private final String error;
    private WorkflowBuilder scope;

    Branch(String name, List<Case> cases, String error) {
      this.name = name;
      this.cases = cases;
      this.error = error;
    }

    String name() {
      return name;
    }

    List<Case> cases() {
      return cases;
    }

    /** The message of the failing else, or null when the else runs a node. */
    String error() {
      return error;
    }

    WorkflowBuilder scope() {
      return scope;
    }

    void collectConditionRefs(List<Promise<?>> out) {
      for (Case c : cases) {
        if (c.condition() != null) {
          collect(c.condition(), out);
        }
      }
    }

    private static void collect(Condition c, List<Promise<?>> out) {
      if (c instanceof Condition.Conjunction j) {
        collect(j.left(), out);
        collect(j.right(), out);
      } else {
        Condition.Comparison cmp = (Condition.Comparison) c;
        for (Condition.Operand o : List.of(cmp.left(), cmp.right())) {
          if (o instanceof Condition.Ref r) {
            out.add(r.promise());
          }
        }
      }
    }

    /** The branch node's inputs: {@code <node id>.<var>} for each promise the conditions read. */
    Map<String, Promise<?>> conditionInputs() {
      List<Promise<?>> refs = new ArrayList<>();
      collectConditionRefs(refs);
      Map<String, Promise<?>> out = new TreeMap<>();
      refs.forEach(p -> out.putIfAbsent(varOf(p), p));
      return out;
    }

    static String varOf(Promise<?> p) {
      return p.nodeId() + "." + p.var();
    }

    flyteidl.core.Workflow.BranchNode toIdl(SerializationSettings settings) {
      IfElseBlock.Builder b = IfElseBlock.newBuilder();
      for (int i = 0; i < cases.size(); i++) {
        Case c = cases.get(i);
        if (c.condition() == null) {
          b.setElseNode(c.thenNode().toIdl(settings));
        } else {
          IfBlock block = IfBlock.newBuilder().setCondition(toIdl(c.condition()))
              .setThenNode(c.thenNode().toIdl(settings)).build();
          if (i == 0) {
            b.setCase(block);
          } else {
            b.addOther(block);
          }
        }
      }
      if (error != null) {
        b.setError(flyteidl.core.Types.Error.newBuilder().setFailedNodeId(name).setMessage(error));
      }
      return flyteidl.core.Workflow.BranchNode.newBuilder().setIfElse(b).build();
    }

    static BooleanExpression toIdl(Condition c) {
      if (c instanceof Condition.Conjunction j) {
        return BooleanExpression.newBuilder().setConjunction(ConjunctionExpression.newBuilder()
            .setOperator(j.op() == Condition.Logic.AND ? ConjunctionExpression.LogicalOperator.AND
                : ConjunctionExpression.LogicalOperator.OR)
            .setLeftExpression(toIdl(j.left())).setRightExpression(toIdl(j.right()))).build();
      }
      Condition.Comparison cmp = (Condition.Comparison) c;
      return BooleanExpression.newBuilder().setComparison(ComparisonExpression.newBuilder()
          .setOperator(ComparisonExpression.Operator.forNumber(cmp.op().ordinal()))
          .setLeftValue(operand(cmp.left())).setRightValue(operand(cmp.right()))).build();
    }

    private static Operand operand(Condition.Operand o) {
      if (o instanceof Condition.Ref r) {
        return Operand.newBuilder().setVar(varOf(r.promise())).build();
      }
      Condition.Value v = (Condition.Value) o;
      if (v.literal().getScalar().hasNoneType()) {
        return Operand.newBuilder().setScalar(v.literal().getScalar()).build();
      }
      return Operand.newBuilder().setPrimitive(v.literal().getScalar().getPrimitive()).build();
    }
  }
}
