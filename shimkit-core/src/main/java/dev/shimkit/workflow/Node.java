package dev.shimkit.workflow;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.task.ResourceSpec;
import dev.shimkit.task.Task;
import dev.shimkit.types.TypeEngine;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Literals.RetryStrategy;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Workflow.NodeMetadata;
import flyteidl.core.Workflow.TaskNode;
import flyteidl.core.Workflow.TaskNodeOverrides;
import flyteidl.core.Workflow.WorkflowNode;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One node of a workflow being compiled: a task call, a sub-workflow, a launch plan, or a conditional's branch
 * node. Gives typed promises of its outputs, takes per-node overrides (id, name, timeout, retries,
 * interruptible, resources, image, cache) and explicit ordering ({@link #runsBefore}). Frozen once the
 * workflow body returns.
 *
 * @param <O> the output of the task it calls ({@code Map<String, Object>} when it has no Java type)
 */
public final class Node<O> {
  enum Kind { TASK, SUB_WORKFLOW, LAUNCH_PLAN, BRANCH }

  private final WorkflowBuilder scope;
  private final Kind kind;
  private final Object entity;
  private final String entityName;
  private String id;
  private final NodeMetadata.Builder metadata;
  private final Map<String, BindingValue> bindings = new TreeMap<>();
  private final List<Node<?>> explicitUpstream = new ArrayList<>();
  private final Map<String, LiteralType> outputTypes;
  private final Map<String, Type> outputJavaTypes;
  private final boolean singleOutput;
  private ResourceSpec resources;
  private String image;
  private boolean frozen;

  Node(WorkflowBuilder scope, Kind kind, Object entity, String entityName, String id, NodeMetadata metadata,
      Map<String, LiteralType> outputTypes, Map<String, Type> outputJavaTypes, boolean singleOutput) {
    this.scope = scope;
    this.kind = kind;
    this.entity = entity;
    this.entityName = entityName;
    this.id = id;
    this.metadata = metadata.toBuilder();
    this.outputTypes = new LinkedHashMap<>(outputTypes);
    this.outputJavaTypes = new LinkedHashMap<>(outputJavaTypes);
    this.singleOutput = singleOutput;
  }

  /** The node id in the workflow ({@code n0}, {@code n1}... unless overridden). */
  public String id() {
    return id;
  }

  /** The node's display name ({@code NodeMetadata.name}). */
  public String name() {
    return metadata.getName();
  }

  /** The names of the outputs this node produces. */
  public Set<String> outputNames() {
    return Collections.unmodifiableSet(outputTypes.keySet());
  }

  /** The only output of a task whose Java output is a single value (named {@code o0}). */
  @SuppressWarnings("unchecked")
  public Promise<O> output() {
    if (!singleOutput || outputTypes.size() != 1) {
      throw scope.error(this, "has outputs " + outputTypes.keySet() + ", not one unnamed output: pick one with "
          + "output(Record::component) or output(name, type)");
    }
    String var = outputTypes.keySet().iterator().next();
    return (Promise<O>) promise(var);
  }

  /** The output named by a component of the task's output record, typed as the component. */
  @SuppressWarnings("unchecked")
  public <T> Promise<T> output(RecordAccessor<O, T> component) {
    return (Promise<T>) promise(RecordAccessor.componentName(component));
  }

  /** The output {@code name}; {@code type} must have the output's Flyte type. */
  @SuppressWarnings("unchecked")
  public <T> Promise<T> output(String name, Class<T> type) {
    Promise<?> p = promise(name);
    LiteralType wanted = TypeEngine.get().toLiteralType(type);
    if (!TypeCompat.castable(p.literalType(), wanted)) {
      throw scope.error(this, "output '" + name + "' is " + TypeCompat.describe(p.literalType()) + ", not "
          + TypeCompat.describe(wanted) + " (" + type.getName() + ")");
    }
    return (Promise<T>) new Promise<>(scope, this, name, p.literalType(), type);
  }

  /** The output {@code name}, typed as its Java type is known. */
  public Promise<Object> output(String name) {
    @SuppressWarnings("unchecked")
    Promise<Object> p = (Promise<Object>) promise(name);
    return p;
  }

  private Promise<?> promise(String var) {
    LiteralType lt = outputTypes.get(var);
    if (lt == null) {
      throw scope.error(this, "has no output '" + var + "'; its outputs are " + outputTypes.keySet());
    }
    return new Promise<>(scope, this, var, lt, outputJavaTypes.get(var));
  }

  /** Makes {@code other} wait for this node although it reads none of its outputs (flytekit's {@code >>}). */
  public Node<O> runsBefore(Node<?> other) {
    if (other.scope != scope) {
      throw scope.error(other, "cannot wait for node '" + id + "' of another scope (workflow or branch)");
    }
    other.checkOpen();
    if (!other.explicitUpstream.contains(this)) {
      other.explicitUpstream.add(this);
    }
    return this;
  }

  /** Sets the node id (flytekit's {@code node_name}), made DNS-compliant. Must stay unique in the workflow. */
  public Node<O> withId(String nodeId) {
    checkOpen();
    String dns = dnsify(nodeId);
    if (dns.isEmpty()) {
      throw scope.error(this, "cannot take id '" + nodeId + "': nothing DNS-compliant is left of it");
    }
    id = dns;
    return this;
  }

  /** Sets the node's display name. */
  public Node<O> withName(String name) {
    checkOpen();
    metadata.setName(name);
    return this;
  }

  /** Overrides the timeout of the node. */
  public Node<O> withTimeout(Duration timeout) {
    checkOpen();
    if (timeout == null || timeout.isZero()) {
      metadata.clearTimeout();
    } else {
      metadata.setTimeout(com.google.protobuf.Duration.newBuilder().setSeconds(timeout.getSeconds())
          .setNanos(timeout.getNano()));
    }
    return this;
  }

  /** Overrides how many times a recoverable failure of the node is retried. */
  public Node<O> withRetries(int retries) {
    checkOpen();
    if (retries < 0) {
      throw scope.error(this, "retries must be 0 or more, got " + retries);
    }
    metadata.setRetries(RetryStrategy.newBuilder().setRetries(retries));
    return this;
  }

  /** Overrides whether the node may run on preemptible machines. */
  public Node<O> withInterruptible(boolean interruptible) {
    checkOpen();
    metadata.setInterruptible(interruptible);
    return this;
  }

  /** Overrides whether the node's outputs are cached, under which version. */
  public Node<O> withCache(boolean cacheable, String version) {
    checkOpen();
    metadata.setCacheable(cacheable);
    if (version != null) {
      metadata.setCacheVersion(version);
    }
    return this;
  }

  /** Overrides whether identical cached executions of the node wait for one another. */
  public Node<O> withCacheSerialize(boolean serialize) {
    checkOpen();
    metadata.setCacheSerializable(serialize);
    return this;
  }

  /** Overrides the resources of a task node. */
  public Node<O> withResources(ResourceSpec spec) {
    checkTaskOverride("resources");
    resources = spec;
    return this;
  }

  /** Overrides the container image of a task node. */
  public Node<O> withImage(String containerImage) {
    checkTaskOverride("image");
    image = containerImage;
    return this;
  }

  private void checkTaskOverride(String what) {
    checkOpen();
    if (kind != Kind.TASK) {
      throw scope.error(this, "only task nodes take a " + what + " override");
    }
  }

  private void checkOpen() {
    if (frozen) {
      throw new FlyteValidationException("Node '" + id + "' of " + scope.label()
          + " is compiled already: overrides belong in the workflow body");
    }
  }

  void freeze() {
    frozen = true;
  }

  Kind kind() {
    return kind;
  }

  Object entity() {
    return entity;
  }

  String entityName() {
    return entityName;
  }

  WorkflowBuilder scope() {
    return scope;
  }

  NodeMetadata metadata() {
    return metadata.build();
  }

  int retries() {
    return metadata.getRetries().getRetries();
  }

  Map<String, BindingValue> bindings() {
    return bindings;
  }

  void bind(String var, BindingValue value) {
    bindings.put(var, value);
  }

  Map<String, LiteralType> outputTypes() {
    return outputTypes;
  }

  Map<String, Type> outputJavaTypes() {
    return outputJavaTypes;
  }

  /** Nodes this one waits for: those whose outputs it reads (in binding order), then explicit ones. */
  List<Node<?>> upstream() {
    Set<Node<?>> out = new LinkedHashSet<>();
    List<Promise<?>> refs = new ArrayList<>();
    if (kind == Kind.BRANCH) {
      ((Conditional.Branch) entity).collectConditionRefs(refs);
    } else {
      bindings.values().forEach(b -> b.collectRefs(refs));
    }
    for (Promise<?> p : refs) {
      p.node().ifPresent(out::add);
    }
    out.addAll(explicitUpstream);
    return new ArrayList<>(out);
  }

  /** The IDL node as flytekit's translator writes it. */
  flyteidl.core.Workflow.Node toIdl(SerializationSettings settings) {
    flyteidl.core.Workflow.Node.Builder b = flyteidl.core.Workflow.Node.newBuilder().setId(id)
        .setMetadata(metadata.build());
    for (Node<?> up : upstream()) {
      b.addUpstreamNodeIds(up.id());
    }
    switch (kind) {
      case TASK -> {
        Task task = (Task) entity;
        TaskNodeOverrides.Builder overrides = TaskNodeOverrides.newBuilder();
        if (resources != null && !resources.isEmpty()) {
          overrides.setResources(resources.toContainerResources());
        }
        if (image != null) {
          overrides.setContainerImage(image);
        }
        b.setTaskNode(TaskNode.newBuilder()
            .setReferenceId(WorkflowSerializer.id(ResourceType.TASK, settings, task.name()))
            .setOverrides(overrides));
        addBindings(b, Set.of());
      }
      case SUB_WORKFLOW -> {
        b.setWorkflowNode(WorkflowNode.newBuilder().setSubWorkflowRef(
            WorkflowSerializer.id(ResourceType.WORKFLOW, settings, ((Workflow) entity).name())));
        addBindings(b, Set.of());
      }
      case LAUNCH_PLAN -> {
        LaunchPlan lp = (LaunchPlan) entity;
        b.setWorkflowNode(WorkflowNode.newBuilder().setLaunchplanRef(
            WorkflowSerializer.id(ResourceType.LAUNCH_PLAN, settings, lp.name())));
        addBindings(b, lp.fixedInputs().keySet());
      }
      case BRANCH -> {
        Conditional.Branch branch = (Conditional.Branch) entity;
        for (Map.Entry<String, Promise<?>> e : branch.conditionInputs().entrySet()) {
          b.addInputs(Binding.newBuilder().setVar(e.getKey())
              .setBinding(new BindingValue.Ref(e.getValue()).toIdl()));
        }
        b.setBranchNode(branch.toIdl(settings));
      }
      default -> throw new IllegalStateException("unknown node kind " + kind);
    }
    return b.build();
  }

  private void addBindings(flyteidl.core.Workflow.Node.Builder b, Set<String> skip) {
    bindings.forEach((var, value) -> {
      if (!skip.contains(var)) {
        b.addInputs(Binding.newBuilder().setVar(var).setBinding(value.toIdl()));
      }
    });
  }

  /** A DNS-1123 label as flytekit's {@code _dnsify}: lower case, '-' for '_' and '.', '-' before capitals. */
  static String dnsify(String value) {
    String v = value;
    if (v.length() >= 63) {
      String hash;
      try {
        byte[] d = java.security.MessageDigest.getInstance("SHA-224").digest(v.getBytes(
            java.nio.charset.StandardCharsets.UTF_8));
        hash = java.util.HexFormat.of().formatHex(d).substring(0, 10);
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      v = hash + "-" + v.substring(v.length() - (63 - 10 - 1));
    }
    StringBuilder res = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      if (ch == '_' || ch == '-' || ch == '.') {
        if (res.length() > 0 && res.length() < 62) {
          res.append('-');
        }
      } else if (!Character.isLetterOrDigit(ch)) {
        continue;
      } else if (Character.isLowerCase(ch) || Character.isDigit(ch)) {
        res.append(ch);
      } else {
        if (res.length() > 0 && res.charAt(res.length() - 1) != '-' && res.length() < 62) {
          res.append('-');
        }
        res.append(Character.toLowerCase(ch));
      }
    }
    if (res.length() > 0 && res.charAt(res.length() - 1) == '-') {
      res.setLength(res.length() - 1);
    }
    return res.toString();
  }

  @Override
  public String toString() {
    return "Node(" + id + ": " + entityName + ")";
  }
}
