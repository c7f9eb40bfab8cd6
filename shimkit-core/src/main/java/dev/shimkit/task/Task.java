package dev.shimkit.task;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.context.ExecutionParameters;
import dev.shimkit.context.ExecutionState;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.errors.TaskExecutionException;
import dev.shimkit.internal.ShimkitVersion;
import dev.shimkit.internal.Structs;
import dev.shimkit.resolve.TrackedInstance;
import dev.shimkit.types.TypeEngine;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The base of every task: a type, a name, an IDL interface and metadata, serializable to a {@code TaskTemplate}
 * and executable from a {@code LiteralMap}. The Java counterpart of flytekit's {@code Task}; {@link JavaTask}
 * adds Java-typed interfaces and containers, the shim package adds template-based tasks.
 */
public abstract class Task extends TrackedInstance {
  private final String taskType;
  private final String name;
  private final TaskMetadata metadata;
  private final int taskTypeVersion;
  private final SecurityContext securityContext;
  private final String docs;

  protected Task(String taskType, String name, TaskMetadata metadata, int taskTypeVersion,
      SecurityContext securityContext, String docs) {
    if (taskType == null || taskType.isBlank()) {
      throw new FlyteValidationException("A task needs a task type");
    }
    this.taskType = taskType;
    this.name = name;
    this.metadata = metadata == null ? TaskMetadata.defaults() : metadata;
    this.taskTypeVersion = taskTypeVersion;
    this.securityContext = securityContext;
    this.docs = docs;
  }

  public String taskType() {
    return taskType;
  }

  /** The task's name: as given, or {@code <class>.<field>} of the static field holding it. */
  public String name() {
    return name != null ? name : location();
  }

  public TaskMetadata metadata() {
    return metadata;
  }

  public int taskTypeVersion() {
    return taskTypeVersion;
  }

  public Optional<SecurityContext> securityContext() {
    return Optional.ofNullable(securityContext);
  }

  /** A description for the docs of the registered task, if given. */
  public Optional<String> docs() {
    return Optional.ofNullable(docs);
  }

  /** The interface in IDL form (flytekit's {@code Task.interface}). */
  public abstract TypedInterface typedInterface();

  /** Runs the task on literal inputs in the current context and returns literal outputs. */
  public abstract LiteralMap dispatchExecute(FlyteContext ctx, LiteralMap inputs);

  /** Called before execution with the user-space parameters; may return changed ones. */
  public ExecutionParameters preExecute(ExecutionParameters params) {
    return params;
  }

  /** Called after execution with what it returned; may return a changed result. */
  public Object postExecute(ExecutionParameters params, Object result) {
    return result;
  }

  /** {@code TaskTemplate.config}: plugin settings as strings (default none). */
  public Map<String, String> getConfig(SerializationSettings settings) {
    return Map.of();
  }

  /** {@code TaskTemplate.custom}: what a plugin or executor needs, JSON-able (default none). */
  public Map<String, Object> getCustom(SerializationSettings settings) {
    return Map.of();
  }

  /** The container that runs the task, for container-based tasks. */
  public Optional<Tasks.Container> getContainer(SerializationSettings settings) {
    return Optional.empty();
  }

  /** A whole pod spec, for pod-based tasks. */
  public Optional<Tasks.K8sPod> getK8sPod(SerializationSettings settings) {
    return Optional.empty();
  }

  /** A SQL statement, for tasks the backend runs as a query. */
  public Optional<Tasks.Sql> getSql(SerializationSettings settings) {
    return Optional.empty();
  }

  /** Accelerators and shared memory, when requested. */
  public Optional<Tasks.ExtendedResources> getExtendedResources(SerializationSettings settings) {
    return Optional.empty();
  }

  /** Input names to Java types; by default guessed from the IDL interface. */
  public Map<String, Type> getInputTypes() {
    return TypeEngine.get().guessJavaTypes(typedInterface().getInputs().getVariablesMap());
  }

  /** Output names to Java types; by default guessed from the IDL interface. */
  public Map<String, Type> getOutputTypes() {
    return TypeEngine.get().guessJavaTypes(typedInterface().getOutputs().getVariablesMap());
  }

  /** The Java type of input {@code name}. */
  public Type getTypeForInputVar(String name) {
    Type t = getInputTypes().get(name);
    if (t == null) {
      throw new FlyteValidationException("Task '" + name() + "' has no input '" + name + "'; inputs are "
          + getInputTypes().keySet());
    }
    return t;
  }

  /** The Java type of output {@code name}. */
  public Type getTypeForOutputVar(String name) {
    Type t = getOutputTypes().get(name);
    if (t == null) {
      throw new FlyteValidationException("Task '" + name() + "' has no output '" + name + "'; outputs are "
          + getOutputTypes().keySet());
    }
    return t;
  }

  /** Builds the {@code TaskTemplate} Flyte registers for this task under {@code settings}. */
  public TaskTemplate serializeToModel(SerializationSettings settings) {
    Objects.requireNonNull(settings, "settings");
    TaskTemplate.Builder b = TaskTemplate.newBuilder()
        .setId(Identifier.newBuilder().setResourceType(ResourceType.TASK)
            .setProject(nullToEmpty(settings.project())).setDomain(nullToEmpty(settings.domain()))
            .setName(name()).setVersion(nullToEmpty(settings.version())))
        .setType(taskType)
        .setMetadata(metadata.toIdl(ShimkitVersion.get()))
        .setInterface(typedInterface())
        .setTaskTypeVersion(taskTypeVersion);
    Map<String, Object> custom = getCustom(settings);
    if (custom != null && !custom.isEmpty()) {
      b.setCustom(Structs.toStruct(custom));
    }
    getContainer(settings).ifPresent(b::setContainer);
    getK8sPod(settings).ifPresent(b::setK8SPod);
    getSql(settings).ifPresent(b::setSql);
    securityContext().flatMap(SecurityContext::toIdl).ifPresent(b::setSecurityContext);
    getExtendedResources(settings).ifPresent(b::setExtendedResources);
    b.putAllConfig(getConfig(settings));
    return b.build();
  }

  /**
   * Runs the task here, in-process, on Java values: converts them to literals, dispatches through
   * {@link #dispatchExecute} exactly as in a container, and converts the outputs back.
   */
  public Map<String, Object> localExecute(Map<String, ?> inputs) {
    FlyteContext ctx = FlyteContextManager.current();
    LiteralMap literals = toLiteralInputs(ctx, inputs);
    LiteralMap outputs = sandboxExecute(ctx, literals);
    return TypeEngine.get().toJavaMap(ctx, outputs, getOutputTypes());
  }

  /** Runs the task on literal inputs in a fresh local execution state and returns its literal outputs. */
  public LiteralMap sandboxExecute(FlyteContext ctx, LiteralMap inputs) {
    ExecutionState state = ctx.executionState().filter(s -> s.mode() != null)
        .orElseGet(() -> ctx.newExecutionState(null));
    if (state.userSpaceParams() == null) {
      state = state.withParams(ctx.newExecutionState(state.workingDir()).userSpaceParams());
    }
    try (FlyteContextManager.Scope scope = FlyteContextManager.push(ctx.withExecutionState(state))) {
      return dispatchExecute(scope.context(), inputs);
    }
  }

  /**
   * Generates a node that runs this task in the workflow being compiled in {@code ctx} (flytekit's
   * {@code Task.compile}). {@code inputs} maps input names to promises or constants; inputs left out take the
   * task's defaults. Outside a compilation context this fails: call {@link #localExecute} to run the task.
   */
  public dev.shimkit.workflow.Node<?> compile(FlyteContext ctx, Map<String, ?> inputs) {
    return dev.shimkit.workflow.WorkflowBuilder.compileCall(ctx, this, inputs);
  }

  /**
   * The metadata of a node that runs this task, as flytekit's {@code construct_node_metadata}: the short name
   * (text after the last dot), the timeout when set, the retries, and interruptible when set. Cache settings
   * stay in the task's own metadata; a node sets them only through overrides.
   */
  public flyteidl.core.Workflow.NodeMetadata constructNodeMetadata() {
    String full = name();
    flyteidl.core.Workflow.NodeMetadata.Builder b = flyteidl.core.Workflow.NodeMetadata.newBuilder()
        .setName(full.substring(full.lastIndexOf('.') + 1))
        .setRetries(flyteidl.core.Literals.RetryStrategy.newBuilder().setRetries(metadata.retries()));
    metadata.timeoutValue().ifPresent(t -> b.setTimeout(com.google.protobuf.Duration.newBuilder()
        .setSeconds(t.getSeconds()).setNanos(t.getNano())));
    if (metadata.interruptible() != null) {
      b.setInterruptible(metadata.interruptible());
    }
    return b.build();
  }

  /** Code a task runs between {@link #preExecute} and {@link #postExecute}. */
  @FunctionalInterface
  protected interface UserCode {
    Object run() throws Exception;
  }

  /**
   * The literal inputs as Java values of {@code types} (by name). An input the interface does not declare, or a
   * value that does not convert, is a non-recoverable system error; storage errors stay as they are.
   */
  protected final Map<String, Object> toJavaInputs(FlyteContext ctx, LiteralMap inputs, Map<String, Type> types) {
    try {
      Map<String, Type> present = new LinkedHashMap<>();
      for (String input : inputs.getLiteralsMap().keySet()) {
        Type t = types.get(input);
        if (t == null) {
          throw new IllegalArgumentException("unexpected input '" + input + "'; inputs are " + types.keySet());
        }
        present.put(input, t);
      }
      return TypeEngine.get().toJavaMap(ctx, inputs, present);
    } catch (FlyteSystemException e) {
      throw e;
    } catch (RuntimeException e) {
      throw FlyteSystemException.nonRecoverable("Failed to convert inputs of task '" + name() + "': "
          + e.getMessage(), e);
    }
  }

  /**
   * Runs task or executor code with {@link #preExecute}'s parameters as the current context and returns what
   * {@link #postExecute} makes of its result. What the code throws becomes a {@link TaskExecutionException}
   * naming this task (a user error keeping the cause's code), except system errors, which pass through.
   */
  protected final Object runUserCode(FlyteContext ctx, UserCode code) {
    ExecutionParameters params = preExecute(ctx.userSpaceParams().orElse(null));
    FlyteContext execCtx = ctx.executionState().map(s -> ctx.withExecutionState(s.withParams(params))).orElse(ctx);
    Object result;
    try (FlyteContextManager.Scope scope = FlyteContextManager.push(execCtx)) {
      result = code.run();
    } catch (FlyteSystemException e) {
      throw e;
    } catch (Exception e) {
      throw new TaskExecutionException(name(), e);
    }
    return postExecute(params, result);
  }

  /**
   * Named output values as literals of the declared output types, each converted from {@code types} (by name).
   * A value that does not convert is a non-recoverable system error naming the output; storage errors stay.
   */
  protected final LiteralMap toLiteralOutputs(FlyteContext ctx, Map<String, Object> named, Map<String, Type> types) {
    Map<String, Variable> declared = typedInterface().getOutputs().getVariablesMap();
    LiteralMap.Builder out = LiteralMap.newBuilder();
    for (Map.Entry<String, Object> e : named.entrySet()) {
      try {
        Object value = e.getValue();
        out.putLiterals(e.getKey(), value instanceof Literal literal ? literal
            : TypeEngine.get().toLiteral(ctx, value, types.get(e.getKey()), declared.get(e.getKey()).getType()));
      } catch (FlyteSystemException ex) {
        throw ex;
      } catch (RuntimeException ex) {
        throw FlyteSystemException.nonRecoverable("Failed to convert return value for var '" + e.getKey()
            + "' of task '" + name() + "': " + ex.getMessage(), ex);
      }
    }
    return out.build();
  }

  /** Java input values as the literal map this task takes, checking names against the interface. */
  public LiteralMap toLiteralInputs(FlyteContext ctx, Map<String, ?> inputs) {
    Map<String, Variable> declared = typedInterface().getInputs().getVariablesMap();
    for (String given : inputs.keySet()) {
      if (!declared.containsKey(given)) {
        throw new FlyteValidationException("Task '" + name() + "' has no input '" + given + "'; inputs are "
            + declared.keySet());
      }
    }
    Map<String, LiteralType> literalTypes = new LinkedHashMap<>();
    Map<String, Type> javaTypes = new LinkedHashMap<>();
    Map<String, Type> allTypes = getInputTypes();
    for (String given : inputs.keySet()) {
      literalTypes.put(given, declared.get(given).getType());
      javaTypes.put(given, allTypes.get(given));
    }
    return TypeEngine.get().toLiteralMap(ctx, inputs, javaTypes, literalTypes);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + (name != null ? name : taskType) + ")";
  }
}
