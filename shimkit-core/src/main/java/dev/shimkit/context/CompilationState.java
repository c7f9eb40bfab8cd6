package dev.shimkit.context;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * State of a workflow being compiled (flytekit's {@code CompilationState}): the prefix of node ids, the nodes
 * created so far in this scope, and the scope object of the workflow layer that owns them (a workflow body or
 * one conditional section). Nodes are added while a workflow body runs, on one thread.
 */
public final class CompilationState {
  private final String prefix;
  private final Object scope;
  private final List<Object> nodes = new ArrayList<>();

  /** A state whose node ids start with {@code prefix}, with no owning scope. */
  public CompilationState(String prefix) {
    this(prefix, null);
  }

  /**
   * @param prefix prepended to generated node ids (empty at the top level)
   * @param scope the workflow layer's object that receives the nodes, or null
   */
  public CompilationState(String prefix, Object scope) {
    this.prefix = prefix == null ? "" : prefix;
    this.scope = scope;
  }

  public String prefix() {
    return prefix;
  }

  /** The workflow layer's scope that owns this state's nodes, when there is one. */
  public Optional<Object> scope() {
    return Optional.ofNullable(scope);
  }

  /** The nodes created in this state, in creation order. */
  public List<Object> nodes() {
    return Collections.unmodifiableList(nodes);
  }

  public void addNode(Object node) {
    nodes.add(node);
  }

  /** A fresh state (no nodes yet) with the given prefix and scope, as flytekit's {@code with_params}. */
  public CompilationState withParams(String newPrefix, Object newScope) {
    return new CompilationState(newPrefix, newScope);
  }
}
