package dev.shimkit.workflow;

import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.Optional;

/**
 * A value that exists once the workflow runs: an output of a node, or an input of the workflow. Handed to
 * other calls to bind their inputs, compared to build {@link Condition}s, or bound to workflow outputs. The
 * Java type {@code T} is what the value becomes when the workflow runs locally.
 *
 * @param <T> the Java type of the value
 */
public final class Promise<T> {
  /** The node id Flyte uses for the workflow's inputs ({@code GLOBAL_INPUT_NODE_ID}). */
  public static final String START_NODE_ID = "start-node";

  private final WorkflowBuilder scope;
  private final Node<?> node;
  private final String var;
  private final LiteralType literalType;
  private final Type javaType;

  Promise(WorkflowBuilder scope, Node<?> node, String var, LiteralType literalType, Type javaType) {
    this.scope = Objects.requireNonNull(scope, "scope");
    this.node = node;
    this.var = Objects.requireNonNull(var, "var");
    this.literalType = Objects.requireNonNull(literalType, "literalType");
    this.javaType = javaType;
  }

  /** The output (or workflow input) name this promise reads. */
  public String var() {
    return var;
  }

  /** The id of the node producing the value: the node's, or {@value #START_NODE_ID} for workflow inputs. */
  public String nodeId() {
    return node == null ? START_NODE_ID : node.id();
  }

  /** The node producing the value; empty for workflow inputs. */
  public Optional<Node<?>> node() {
    return Optional.ofNullable(node);
  }

  /** The Flyte type of the value. */
  public LiteralType literalType() {
    return literalType;
  }

  /** The Java type of the value when the workflow runs locally. */
  public Type javaType() {
    return javaType;
  }

  WorkflowBuilder scope() {
    return scope;
  }

  /** {@code this == other}; {@code other} is a promise or a constant primitive. */
  public Condition eq(Object other) {
    return compare(Condition.Op.EQ, other);
  }

  /** {@code this != other}. */
  public Condition ne(Object other) {
    return compare(Condition.Op.NE, other);
  }

  /** {@code this > other}. */
  public Condition gt(Object other) {
    return compare(Condition.Op.GT, other);
  }

  /** {@code this >= other}. */
  public Condition ge(Object other) {
    return compare(Condition.Op.GE, other);
  }

  /** {@code this < other}. */
  public Condition lt(Object other) {
    return compare(Condition.Op.LT, other);
  }

  /** {@code this <= other}. */
  public Condition le(Object other) {
    return compare(Condition.Op.LE, other);
  }

  /** {@code this == true}, for boolean values (flytekit's {@code is_true}). */
  public Condition isTrue() {
    return eq(Boolean.TRUE);
  }

  /** {@code this == false}. */
  public Condition isFalse() {
    return eq(Boolean.FALSE);
  }

  /** {@code this == none}, for optional values. */
  public Condition isNone() {
    return eq(null);
  }

  private Condition compare(Condition.Op op, Object other) {
    return new Condition.Comparison(new Condition.Ref(this), op, Condition.operand(other));
  }

  @Override
  public String toString() {
    return "Promise(" + nodeId() + "." + var + ")";
  }
}
