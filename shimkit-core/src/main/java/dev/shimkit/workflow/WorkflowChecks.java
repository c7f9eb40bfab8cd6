package dev.shimkit.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a compiled body as a whole, once it returned: every declared output bound, node ids unique and not
 * reserved in each scope, no cycle among nodes; then freezes the nodes.
 */
final class WorkflowChecks {
  private static final Set<String> RESERVED = Set.of(Promise.START_NODE_ID, "end-node");

  private WorkflowChecks() {
  }

  static void check(WorkflowBuilder root) {
    root.outputs().forEach((name, out) -> {
      if (out.value() == null) {
        throw root.error(null, "output '" + name + "' is declared but never produced; bind it with output(\""
            + name + "\", promise)");
      }
    });
    checkScope(root);
  }

  private static void checkScope(WorkflowBuilder scope) {
    Map<String, Node<?>> ids = new HashMap<>();
    for (Node<?> n : scope.nodes()) {
      if (RESERVED.contains(n.id())) {
        throw scope.error(n, "uses the reserved node id '" + n.id() + "'; pick another with withId(...)");
      }
      Node<?> other = ids.putIfAbsent(n.id(), n);
      if (other != null) {
        throw scope.error(n, "reuses node id '" + n.id() + "' of " + other.entityName()
            + "; node ids must be unique in a workflow");
      }
    }
    checkCycles(scope);
    for (Conditional.Branch b : scope.branches()) {
      checkScope(b.scope());
    }
    scope.nodes().forEach(Node::freeze);
  }

  private static void checkCycles(WorkflowBuilder scope) {
    Map<Node<?>, Integer> state = new HashMap<>();
    for (Node<?> n : scope.nodes()) {
      List<Node<?>> path = new ArrayList<>();
      visit(scope, n, state, path);
    }
  }

  private static void visit(WorkflowBuilder scope, Node<?> n, Map<Node<?>, Integer> state, List<Node<?>> path) {
    Integer s = state.get(n);
    if (s != null && s == 2) {
      return;
    }
    path.add(n);
    if (s != null && s == 1) {
      StringBuilder cycle = new StringBuilder();
      for (Node<?> p : path.subList(path.indexOf(n), path.size())) {
        cycle.append(cycle.length() == 0 ? "" : " -> ").append(p.id());
      }
      throw scope.error(n, "is part of a cycle: " + cycle + " (each waits for the next through bindings or "
          + "runsBefore)");
    }
    state.put(n, 1);
    for (Node<?> up : n.upstream()) {
      if (up.scope() == scope) {
        visit(scope, up, state, path);
      }
    }
    state.put(n, 2);
    path.remove(path.size() - 1);
  }
}
