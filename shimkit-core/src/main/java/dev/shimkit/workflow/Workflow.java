package dev.shimkit.workflow;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.context.CompilationState;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.resolve.TrackedInstance;
import dev.shimkit.task.Task;
import dev.shimkit.types.TypeEngine;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.RetryStrategy;
import flyteidl.core.Workflow.NodeMetadata;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A workflow: a graph of task, sub-workflow, launch-plan and branch nodes described by a body that runs once,
 * at compile time (flytekit's {@code @workflow}). Declare it in a {@code public static final} field so it can be
 * found by its {@link #location()}; it compiles on first use, serializes to a {@code WorkflowTemplate} /
 * {@code admin.WorkflowSpec}, and runs locally in-process ({@link #run}) or through any {@link TaskRunner}
 * ({@link WorkflowExecutor}).
 *
 * <pre>{@code
 * public static final Workflow PIPELINE = Workflow.define("acme.pipeline", wf -> {
 *   Promise<Long> x = wf.input("x", Long.class);
 *   wf.output("y", wf.call(ADD_ONE, in -> in.set(AddIn::x).to(x)).output());
 * });
 * }</pre>
 */
public final class Workflow extends TrackedInstance {
  private final String name;
  private final FailurePolicy failurePolicy;
  private final boolean interruptible;
  private final String docs;
  private final Builder declarations;
  private final Consumer<WorkflowBuilder> body;
  private Compiled compiled;
  private boolean compiling;
  private LaunchPlan defaultLaunchPlan;

  /** The result of running the body: the interface, the nodes and the output bindings. */
  record Compiled(Map<String, WorkflowBuilder.WorkflowInput> inputs, Map<String, WorkflowBuilder.WorkflowOutput> outputs,
      List<Node<?>> nodes, TypedInterface typedInterface, WorkflowBuilder root) {
  }

  private Workflow(Builder b, Consumer<WorkflowBuilder> body) {
    this.name = b.name;
    this.failurePolicy = b.failurePolicy;
    this.interruptible = b.interruptible;
    this.docs = b.docs;
    this.declarations = b;
    this.body = Objects.requireNonNull(body, "body");
  }

  /** A workflow named {@code name} whose graph {@code body} describes. */
  public static Workflow define(String name, Consumer<WorkflowBuilder> body) {
    return builder(name).define(body);
  }

  /** A workflow named by the static field holding it ({@code <class>.<FIELD>}). */
  public static Workflow define(Consumer<WorkflowBuilder> body) {
    return builder(null).define(body);
  }

  /** A builder for a workflow with a failure policy, defaults, docs or an interface declared up front. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The workflow's name: as given, or {@code <class>.<field>} of the static field holding it. */
  public String name() {
    return name != null ? name : location();
  }

  public FailurePolicy failurePolicy() {
    return failurePolicy;
  }

  /** Whether the workflow's tasks run on preemptible machines by default. */
  public boolean interruptible() {
    return interruptible;
  }

  public java.util.Optional<String> docs() {
    return java.util.Optional.ofNullable(docs);
  }

  /** Runs the body now (once) so compile errors surface; returns this. */
  public Workflow compile() {
    compiled();
    return this;
  }

  /** The workflow's IDL interface (inputs and outputs, each described by its name as flytekit does). */
  public TypedInterface typedInterface() {
    return compiled().typedInterface();
  }

  /** Input names to Java types, in declaration order. */
  public Map<String, Type> inputTypes() {
    Map<String, Type> out = new LinkedHashMap<>();
    compiled().inputs().forEach((k, v) -> out.put(k, v.javaType()));
    return out;
  }

  /** Output names to Java types, in declaration order. */
  public Map<String, Type> outputTypes() {
    Map<String, Type> out = new LinkedHashMap<>();
    compiled().outputs().forEach((k, v) -> out.put(k, v.javaType()));
    return out;
  }

  /** The inputs that have defaults, with their values. */
  public Map<String, Object> defaultInputs() {
    Map<String, Object> out = new LinkedHashMap<>();
    compiled().inputs().forEach((k, v) -> {
      if (v.hasDefault()) {
        out.put(k, v.defaultValue());
      }
    });
    return out;
  }

  /** The top-level nodes, in creation order. */
  public List<Node<?>> nodes() {
    return Collections.unmodifiableList(compiled().nodes());
  }

  /** Every task the workflow runs (in sub-workflows and branches too), dependencies first, each once. */
  public List<Task> tasks() {
    Set<Task> out = new LinkedHashSet<>();
    walk(compiled().nodes(), n -> {
      if (n.kind() == Node.Kind.TASK) {
        out.add((Task) n.entity());
      } else if (n.kind() == Node.Kind.SUB_WORKFLOW) {
        out.addAll(((Workflow) n.entity()).tasks());
      }
    });
    return new ArrayList<>(out);
  }

  /** Every workflow run as a sub-workflow (nested ones first), each once. */
  public List<Workflow> subWorkflows() {
    Set<Workflow> out = new LinkedHashSet<>();
    walk(compiled().nodes(), n -> {
      if (n.kind() == Node.Kind.SUB_WORKFLOW) {
        Workflow sub = (Workflow) n.entity();
        out.addAll(sub.subWorkflows());
        out.add(sub);
      }
    });
    return new ArrayList<>(out);
  }

  /** Every launch plan the workflow (or its sub-workflows) launches, each once. */
  public List<LaunchPlan> launchPlans() {
    Set<LaunchPlan> out = new LinkedHashSet<>();
    walk(compiled().nodes(), n -> {
      if (n.kind() == Node.Kind.LAUNCH_PLAN) {
        out.add((LaunchPlan) n.entity());
      } else if (n.kind() == Node.Kind.SUB_WORKFLOW) {
        out.addAll(((Workflow) n.entity()).launchPlans());
      }
    });
    return new ArrayList<>(out);
  }

  static void walk(List<Node<?>> nodes, Consumer<Node<?>> visitor) {
    for (Node<?> n : nodes) {
      if (n.kind() == Node.Kind.BRANCH) {
        List<Node<?>> inner = new ArrayList<>();
        ((Conditional.Branch) n.entity()).cases().forEach(c -> inner.add(c.thenNode()));
        walk(inner, visitor);
      }
      visitor.accept(n);
    }
  }

  /** The {@code WorkflowTemplate} flytekit's translator writes for the same graph. */
  public WorkflowTemplate toTemplate(SerializationSettings settings) {
    return WorkflowSerializer.template(this, settings);
  }

  /** The {@code admin.WorkflowSpec} ({@code <index>_<name>_2.pb} in a package): template and sub-workflows. */
  public WorkflowSpec toWorkflowSpec(SerializationSettings settings) {
    return WorkflowSerializer.spec(this, settings);
  }

  /** The launch plan every workflow gets: named after it, its defaults, nothing fixed, no schedule. */
  public synchronized LaunchPlan defaultLaunchPlan() {
    if (defaultLaunchPlan == null) {
      defaultLaunchPlan = LaunchPlan.createDefault(this);
    }
    return defaultLaunchPlan;
  }

  /** Runs the workflow here, in-process, on Java values; returns its outputs as Java values. */
  public Map<String, Object> run(Map<String, ?> inputs) {
    return WorkflowExecutor.inProcess().run(this, inputs);
  }

  /** The metadata of a node running this workflow: its short name, and interruptible as declared. */
  public NodeMetadata constructNodeMetadata() {
    String full = name();
    return NodeMetadata.newBuilder().setName(full.substring(full.lastIndexOf('.') + 1))
        .setRetries(RetryStrategy.getDefaultInstance()).setInterruptible(interruptible).build();
  }

  synchronized Compiled compiled() {
    if (compiled == null) {
      if (compiling) {
        throw new WorkflowCompilationException(name(), null, "the workflow calls itself; a workflow graph "
            + "cannot contain its own workflow");
      }
      compiling = true;
      try {
        compiled = doCompile();
      } finally {
        compiling = false;
      }
    }
    return compiled;
  }

  Compiled compiledFor(Workflow caller) {
    if (this == caller) {
      throw new WorkflowCompilationException(name(), null, "the workflow calls itself as a sub-workflow");
    }
    return compiled();
  }

  private Compiled doCompile() {
    WorkflowBuilder root = new WorkflowBuilder(this, null, "workflow '" + name() + "'");
    CompilationState state = new CompilationState("", root);
    root.attach(state);
    declarations.inputs.forEach((k, d) -> root.declareUpfront(k, d.type(), d.defaultValue(), d.hasDefault()));
    declarations.outputs.forEach(root::declareOutputUpfront);
    try (FlyteContextManager.Scope s = FlyteContextManager.push(FlyteContextManager.current()
        .withCompilationState(state).withInACondition(false))) {
      body.accept(root);
    }
    WorkflowChecks.check(root);
    VariableMap.Builder in = VariableMap.newBuilder();
    root.inputs().forEach((k, v) -> in.putVariables(k, Variable.newBuilder().setType(v.literalType())
        .setDescription(k).build()));
    VariableMap.Builder out = VariableMap.newBuilder();
    root.outputs().forEach((k, v) -> out.putVariables(k, Variable.newBuilder().setType(v.literalType())
        .setDescription(k).build()));
    return new Compiled(Collections.unmodifiableMap(new LinkedHashMap<>(root.inputs())),
        Collections.unmodifiableMap(new LinkedHashMap<>(root.outputs())), List.copyOf(root.nodes()),
        TypedInterface.newBuilder().setInputs(in).setOutputs(out).build(), root);
  }

  @Override
  public String toString() {
    return "Workflow(" + (name != null ? name : "?") + ")";
  }

  /** An input declared on the builder. */
  record InputDecl(Type type, Object defaultValue, boolean hasDefault) {
  }

  /** Builds a {@link Workflow}: name, failure policy, interruptible default, docs, declared interface. */
  public static final class Builder {
    private final String name;
    private FailurePolicy failurePolicy = FailurePolicy.FAIL_IMMEDIATELY;
    private boolean interruptible;
    private String docs;
    private final Map<String, InputDecl> inputs = new LinkedHashMap<>();
    private final Map<String, Type> outputs = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = name;
    }

    public Builder failurePolicy(FailurePolicy v) {
      failurePolicy = Objects.requireNonNull(v, "failurePolicy");
      return this;
    }

    /** Whether the workflow's tasks run on preemptible machines by default. */
    public Builder interruptible(boolean v) {
      interruptible = v;
      return this;
    }

    /** A short description, written as the workflow spec's description. */
    public Builder docs(String v) {
      docs = v;
      return this;
    }

    /** Declares an input; the body reads it with {@code wf.input(name, type)}. */
    public Builder input(String inputName, Type type) {
      return putInput(inputName, new InputDecl(type, null, false));
    }

    /** Declares an input with a default. */
    public Builder input(String inputName, Type type, Object defaultValue) {
      return putInput(inputName, new InputDecl(type, defaultValue, true));
    }

    /** Declares an output the body must bind with {@code wf.output(name, promise)}. */
    public Builder output(String outputName, Type type) {
      TypeEngine.get().toLiteralType(type);
      if (outputs.putIfAbsent(outputName, type) != null) {
        throw new FlyteValidationException("Output '" + outputName + "' is declared twice");
      }
      return this;
    }

    private Builder putInput(String inputName, InputDecl decl) {
      TypeEngine.get().toLiteralType(decl.type());
      if (inputs.putIfAbsent(inputName, decl) != null) {
        throw new FlyteValidationException("Input '" + inputName + "' is declared twice");
      }
      return this;
    }

    /** The workflow whose graph {@code body} describes (compiled on first use). */
    public Workflow define(Consumer<WorkflowBuilder> body) {
      return new Workflow(this, body);
    }
  }
}
