package dev.shimkit.workflow;

import dev.shimkit.context.CompilationState;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.task.JavaTask;
import dev.shimkit.task.Task;
import dev.shimkit.task.TaskInterface;
import dev.shimkit.types.TypeEngine;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What a workflow body receives: declares the workflow's inputs and outputs and calls tasks, sub-workflows and
 * launch plans, each call adding a {@link Node} (through {@link Task#compile}). The body runs once, when the
 * workflow is compiled, exactly as flytekit runs an {@code @workflow} function. Inside a {@link Conditional}
 * branch a builder of the branch's own scope is handed to the branch body; use that one there.
 *
 * <pre>{@code
 * Workflow.define("acme.pipeline", wf -> {
 *   Promise<Long> x = wf.input("x", Long.class);
 *   Promise<Long> y = wf.call(ADD_ONE, in -> in.set(AddIn::x).to(x)).output();
 *   wf.output("y", y);
 * });
 * }</pre>
 */
public final class WorkflowBuilder {
  private final Workflow workflow;
  private final WorkflowBuilder parent;
  private final String label;
  private final List<Node<?>> nodes = new ArrayList<>();
  private final Map<String, WorkflowInput> inputs = new LinkedHashMap<>();
  private final Map<String, WorkflowOutput> outputs = new LinkedHashMap<>();
  private final List<Conditional.Branch> branches = new ArrayList<>();
  private CompilationState state;
  private int visibleFrom;

  /** A workflow input: its types, its default (or null) and the promise the body reads. */
  record WorkflowInput(String name, LiteralType literalType, Type javaType, Object defaultValue, boolean hasDefault,
      Promise<?> promise, boolean declaredInBody) {
  }

  /** A workflow output and what it is bound to (null until the body binds it). */
  record WorkflowOutput(String name, LiteralType literalType, Type javaType, BindingValue value) {
  }

  WorkflowBuilder(Workflow workflow, WorkflowBuilder parent, String label) {
    this.workflow = workflow;
    this.parent = parent;
    this.label = label;
  }

  void attach(CompilationState compilationState) {
    this.state = compilationState;
  }

  CompilationState state() {
    return state;
  }

  /** Declares input {@code name} of the workflow (or returns the one declared on the workflow's builder). */
  public <T> Promise<T> input(String name, Class<T> type) {
    return declareInput(name, type, null, false);
  }

  /** Declares an input of a generic type, such as {@code Types.listOf(Long.class)}. */
  public <T> Promise<T> input(String name, Type type) {
    return declareInput(name, type, null, false);
  }

  /** Declares an input with a default, used when a launch or a caller does not give it. */
  public <T> Promise<T> input(String name, Class<T> type, T defaultValue) {
    return declareInput(name, type, defaultValue, true);
  }

  /** Binds output {@code name} of the workflow to {@code value}. */
  public <T> void output(String name, Promise<T> value) {
    requireRoot("outputs");
    if (value == null) {
      throw error(null, "output '" + name + "' is bound to null; bind it to a promise");
    }
    if (value.scope() != this) {
      throw error(null, "output '" + name + "' reads " + value + " from " + value.scope().label()
          + "; bind workflow outputs to this workflow's nodes (a conditional's result, not a node inside a branch)");
    }
    WorkflowOutput declared = outputs.get(name);
    if (declared != null && declared.value() != null) {
      throw error(null, "output '" + name + "' is bound twice");
    }
    if (declared != null && !TypeCompat.castable(value.literalType(), declared.literalType())) {
      throw error(null, "output '" + name + "' is declared " + TypeCompat.describe(declared.literalType())
          + " but " + value + " is " + TypeCompat.describe(value.literalType()));
    }
    outputs.put(name, declared != null
        ? new WorkflowOutput(name, declared.literalType(), declared.javaType(), new BindingValue.Ref(value))
        : new WorkflowOutput(name, value.literalType(), value.javaType(), new BindingValue.Ref(value)));
  }

  /** Calls a Java task, binding its inputs through its input record's accessors. */
  @SuppressWarnings("unchecked")
  public <I, O> Node<O> call(JavaTask<I, O> task, Consumer<Inputs<I>> bindings) {
    Inputs<I> in = new Inputs<>();
    bindings.accept(in);
    return (Node<O>) task.compile(context(), in.values());
  }

  /** Calls a Java task with inputs by name (promises or constants). */
  @SuppressWarnings("unchecked")
  public <I, O> Node<O> call(JavaTask<I, O> task, Map<String, ?> inputs) {
    return (Node<O>) task.compile(context(), inputs);
  }

  /** Calls a Java task that takes no inputs (or only defaults). */
  public <I, O> Node<O> call(JavaTask<I, O> task) {
    return call(task, Map.of());
  }

  /** Calls any task (a template-based one, say) with inputs by name (promises or constants). */
  @SuppressWarnings("unchecked")
  public Node<Map<String, Object>> call(Task task, Map<String, ?> inputs) {
    return (Node<Map<String, Object>>) task.compile(context(), inputs);
  }

  /** Calls any task that takes no inputs (or only defaults). */
  public Node<Map<String, Object>> call(Task task) {
    return call(task, Map.of());
  }

  /** Runs {@code workflow} as a sub-workflow node. */
  public Node<Map<String, Object>> call(Workflow subWorkflow, Map<String, ?> inputs) {
    context();
    Workflow.Compiled sub = subWorkflow.compiledFor(workflow);
    Map<String, Object> defaults = new LinkedHashMap<>();
    sub.inputs().forEach((k, v) -> {
      if (v.hasDefault()) {
        defaults.put(k, v.defaultValue());
      }
    });
    Node<Map<String, Object>> node = new Node<>(this, Node.Kind.SUB_WORKFLOW, subWorkflow,
        "sub-workflow '" + subWorkflow.name() + "'", nextId(), subWorkflow.constructNodeMetadata(),
        Signatures.outputTypesOf(sub), Signatures.outputJavaTypesOf(sub), false);
    bindAll(node, sub.typedInterface().getInputs().getVariablesMap(), Signatures.inputJavaTypesOf(sub), defaults, inputs,
        Set.of());
    add(node);
    return node;
  }

  /** Runs {@code workflow} as a sub-workflow node that takes no inputs. */
  public Node<Map<String, Object>> call(Workflow subWorkflow) {
    return call(subWorkflow, Map.of());
  }

  /** Launches {@code launchPlan} as a child execution; its fixed inputs cannot be given here. */
  public Node<Map<String, Object>> call(LaunchPlan launchPlan, Map<String, ?> inputs) {
    context();
    Workflow.Compiled sub = launchPlan.workflow().compiledFor(workflow);
    Node<Map<String, Object>> node = new Node<>(this, Node.Kind.LAUNCH_PLAN, launchPlan,
        "launch plan '" + launchPlan.name() + "'", nextId(), launchPlan.workflow().constructNodeMetadata(),
        Signatures.outputTypesOf(sub), Signatures.outputJavaTypesOf(sub), false);
    for (String k : inputs.keySet()) {
      if (launchPlan.fixedInputs().containsKey(k)) {
        throw error(node, "input '" + k + "' is fixed by the launch plan and cannot be given");
      }
    }
    Map<String, Object> saved = new LinkedHashMap<>(launchPlan.defaultInputValues());
    saved.putAll(launchPlan.fixedInputs());
    bindAll(node, sub.typedInterface().getInputs().getVariablesMap(), Signatures.inputJavaTypesOf(sub), saved, inputs,
        Set.of());
    add(node);
    return node;
  }

  /** Starts a conditional section named {@code name}: {@code when(...)}, {@code orWhen(...)}, then an else. */
  public Conditional conditional(String name) {
    context();
    return new Conditional(this, name);
  }

  /** The node {@link Task#compile} creates: bindings checked against the task's interface. */
  public static Node<?> compileCall(FlyteContext ctx, Task task, Map<String, ?> inputs) {
    CompilationState cs = ctx.compilationState().orElseThrow(() -> new FlyteValidationException("Task '"
        + task.name() + "' is compiled outside a workflow body; to run it here call localExecute (or call)"));
    Object scope = cs.scope().orElse(null);
    if (!(scope instanceof WorkflowBuilder builder)) {
      throw new FlyteValidationException("Task '" + task.name() + "' is compiled in a compilation state that no "
          + "workflow owns; call it from a workflow body");
    }
    return builder.addTaskNode(task, inputs == null ? Map.of() : inputs);
  }

  private Node<?> addTaskNode(Task task, Map<String, ?> given) {
    boolean single = task instanceof JavaTask<?, ?> && task.typedInterface().getOutputs().getVariablesCount() == 1
        && task.typedInterface().getOutputs().containsVariables(TaskInterface.DEFAULT_OUTPUT_NAME);
    Map<String, LiteralType> outTypes = new LinkedHashMap<>();
    task.typedInterface().getOutputs().getVariablesMap().forEach((k, v) -> outTypes.put(k, v.getType()));
    Node<?> node = new Node<>(this, Node.Kind.TASK, task, "task '" + task.name() + "'", nextId(),
        task.constructNodeMetadata(), outTypes, task.getOutputTypes(), single);
    bindAll(node, task.typedInterface().getInputs().getVariablesMap(), task.getInputTypes(), Signatures.taskDefaults(task),
        given, Set.of());
    add(node);
    return node;
  }

  private void bindAll(Node<?> node, Map<String, Variable> vars, Map<String, Type> javaTypes,
      Map<String, Object> defaults, Map<String, ?> given, Set<String> skip) {
    for (String k : given.keySet()) {
      if (!vars.containsKey(k)) {
        throw error(node, "has no input '" + k + "'; its inputs are " + new TreeSet<>(vars.keySet()));
      }
    }
    for (String k : new TreeSet<>(vars.keySet())) {
      LiteralType lt = vars.get(k).getType();
      Type jt = javaTypes.get(k);
      if (given.containsKey(k)) {
        node.bind(k, bindValue(node, k, given.get(k), lt, jt));
      } else if (defaults.containsKey(k)) {
        node.bind(k, bindValue(node, k, defaults.get(k), lt, jt));
      } else if (Signatures.isOptional(lt)) {
        node.bind(k, constant(node, k, null, lt, jt));
      } else if (!skip.contains(k)) {
        throw error(node, "input '" + k + "' (" + TypeCompat.describe(lt) + ") is not bound; bind it to a "
            + "promise or a constant, or give the input a default");
      }
    }
  }

  private BindingValue bindValue(Node<?> node, String var, Object value, LiteralType lt, Type jt) {
    if (value instanceof Promise<?> p) {
      checkVisible(node, var, p);
      if (!TypeCompat.castable(p.literalType(), lt)) {
        throw error(node, "input '" + var + "' expects " + TypeCompat.describe(lt) + " but " + p + " is "
            + TypeCompat.describe(p.literalType()));
      }
      return new BindingValue.Ref(p);
    }
    if (value instanceof Node<?> n) {
      throw error(node, "input '" + var + "' is bound to node '" + n.id() + "' itself; bind one of its outputs "
          + "(node.output(...))");
    }
    if (value instanceof List<?> list && lt.hasCollectionType() && Signatures.hasPromise(list)) {
      List<BindingValue> items = new ArrayList<>();
      for (Object o : list) {
        items.add(bindValue(node, var + "[" + items.size() + "]", o, lt.getCollectionType(), Signatures.typeArgument(jt, 0)));
      }
      return new BindingValue.Collection(items);
    }
    if (value instanceof Map<?, ?> map && lt.hasMapValueType() && Signatures.hasPromise(map.values())) {
      Map<String, BindingValue> entries = new LinkedHashMap<>();
      map.forEach((k, v) -> entries.put(String.valueOf(k), bindValue(node, var + "[" + k + "]", v,
          lt.getMapValueType(), Signatures.typeArgument(jt, 1))));
      return new BindingValue.MapOf(entries);
    }
    return constant(node, var, value, lt, jt);
  }

  private BindingValue constant(Node<?> node, String var, Object value, LiteralType lt, Type jt) {
    Object v = value;
    if ((v instanceof Integer || v instanceof Short || v instanceof Byte) && lt.hasSimple()
        && lt.getSimple() == SimpleType.INTEGER) {
      v = ((Number) v).longValue();
    }
    Type javaType = jt != null ? jt : TypeEngine.get().guessJavaType(lt);
    try {
      Literal literal = TypeEngine.get().toLiteral(FlyteContextManager.current(), v, javaType, lt);
      return BindingValue.ofLiteral(literal);
    } catch (RuntimeException e) {
      throw error(node, "input '" + var + "' expects " + TypeCompat.describe(lt) + "; the constant " + v
          + " does not fit: " + e.getMessage());
    }
  }

  private void checkVisible(Node<?> node, String var, Promise<?> p) {
    for (WorkflowBuilder s = this; s != null; s = s.parent) {
      if (s == p.scope()) {
        if (s == this && p.node().isPresent() && nodes.indexOf(p.node().get()) < visibleFrom) {
          throw error(node, "input '" + var + "' reads " + p + ", an output of another branch of this "
              + "conditional");
        }
        return;
      }
    }
    throw error(node, "input '" + var + "' reads " + p + ", which belongs to " + p.scope().label()
        + "; only outputs of this workflow's own nodes (and, inside a branch, of the enclosing workflow) can be used");
  }

  private <T> Promise<T> declareInput(String name, Type type, Object defaultValue, boolean hasDefault) {
    requireRoot("inputs");
    LiteralType lt;
    try {
      lt = TypeEngine.get().toLiteralType(type);
    } catch (RuntimeException e) {
      throw error(null, "input '" + name + "' has no Flyte type: " + e.getMessage());
    }
    WorkflowInput existing = inputs.get(name);
    if (existing != null) {
      if (existing.declaredInBody()) {
        throw error(null, "input '" + name + "' is declared twice");
      }
      if (!existing.javaType().equals(type)) {
        throw error(null, "input '" + name + "' is declared as " + existing.javaType().getTypeName() + ", not "
            + type.getTypeName());
      }
      inputs.put(name, new WorkflowInput(name, existing.literalType(), existing.javaType(),
          hasDefault ? defaultValue : existing.defaultValue(), hasDefault || existing.hasDefault(),
          existing.promise(), true));
      @SuppressWarnings("unchecked")
      Promise<T> p = (Promise<T>) existing.promise();
      return p;
    }
    Promise<T> p = new Promise<>(this, null, name, lt, type);
    inputs.put(name, new WorkflowInput(name, lt, type, defaultValue, hasDefault, p, true));
    return p;
  }

  void declareUpfront(String name, Type type, Object defaultValue, boolean hasDefault) {
    LiteralType lt = TypeEngine.get().toLiteralType(type);
    inputs.put(name, new WorkflowInput(name, lt, type, defaultValue, hasDefault,
        new Promise<>(this, null, name, lt, type), false));
  }

  void declareOutputUpfront(String name, Type type) {
    outputs.put(name, new WorkflowOutput(name, TypeEngine.get().toLiteralType(type), type, null));
  }

  /** The context this builder compiles in; fails when another scope is compiling. */
  FlyteContext context() {
    FlyteContext ctx = FlyteContextManager.current();
    Object scope = ctx.compilationState().flatMap(CompilationState::scope).orElse(null);
    if (scope != this) {
      throw error(null, "this builder is used outside its own scope: inside a conditional branch, call through "
          + "the builder the branch body receives; after compilation, the workflow cannot change");
    }
    return ctx;
  }

  String nextId() {
    return state.prefix() + "n" + state.nodes().size();
  }

  void add(Node<?> node) {
    state.addNode(node);
    nodes.add(node);
  }

  List<Node<?>> nodes() {
    return nodes;
  }

  int nodeCount() {
    return nodes.size();
  }

  void startCase() {
    visibleFrom = nodes.size();
  }

  void addBranch(Conditional.Branch branch) {
    branches.add(branch);
  }

  Map<String, WorkflowInput> inputs() {
    return inputs;
  }

  Map<String, WorkflowOutput> outputs() {
    return outputs;
  }

  Workflow workflow() {
    return workflow;
  }

  WorkflowBuilder parent() {
    return parent;
  }

  String label() {
    return label;
  }

  private void requireRoot(String what) {
    if (parent != null) {
      throw error(null, "workflow " + what + " are declared in the workflow body, not inside a branch");
    }
  }

  WorkflowCompilationException error(Node<?> node, String message) {
    String where = node == null ? "" : "node '" + node.id() + "' (" + node.entityName() + ") ";
    String prefix = parent == null ? "" : label + ": ";
    return new WorkflowCompilationException(workflow.name(), node == null ? null : node.id(),
        prefix + where + message);
  }

  List<Conditional.Branch> branches() {
    return branches;
  }
}
