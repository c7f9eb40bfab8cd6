package dev.shimkit.task;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.context.ExecutionParameters;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.errors.FlyteException;
import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.TaskExecutionException;
import dev.shimkit.resolve.DefaultTaskResolver;
import dev.shimkit.resolve.TaskResolver;
import dev.shimkit.task.internal.Containers;
import dev.shimkit.task.internal.ImageResolver;
import dev.shimkit.types.TypeEngine;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task whose code is Java in the user's image: typed inputs {@code I} and outputs {@code O} (records, or maps
 * for a dynamic {@link TaskInterface}). The Java counterpart of flytekit's {@code PythonTask} with an auto
 * container: it runs through {@code shimkit-execute} and is found again by its resolver (by default the
 * static field that holds it). Subclass it and implement {@link #execute}, or use {@link #of} with a lambda.
 *
 * <pre>{@code
 * public static final JavaTask<In, Out> ADD_ONE = JavaTask.of("add_one", In.class, Out.class, in -> new Out(in.x() + 1));
 * }</pre>
 */
public abstract class JavaTask<I, O> extends Task {
  /** The program in the image that runs tasks. */
  public static final String ENTRYPOINT = "shimkit-execute";

  private final TaskInterface javaInterface;
  private final TaskOptions options;
  private volatile TypedInterface typedInterface;

  protected JavaTask(TaskOptions options, TaskInterface javaInterface) {
    super(options.taskType(), options.name().orElse(null), options.metadata(), options.taskTypeVersion(),
        options.securityContext().orElse(null), options.docs().orElse(null));
    this.options = options;
    this.javaInterface = javaInterface;
  }

  /** A task running {@code function}, with default options. */
  public static <I, O> JavaTask<I, O> of(String name, Class<I> inputType, Class<O> outputType,
      TaskFunction<I, O> function) {
    return new FunctionTask<>(TaskOptions.named(name), TaskInterface.of(inputType, outputType), function);
  }

  /** A task running {@code function} with the given options. */
  public static <I, O> JavaTask<I, O> of(TaskOptions options, Class<I> inputType, Class<O> outputType,
      TaskFunction<I, O> function) {
    return new FunctionTask<>(options, TaskInterface.of(inputType, outputType), function);
  }

  /** A task over a dynamic interface: inputs and outputs travel as maps. */
  public static JavaTask<Map<String, Object>, Map<String, Object>> dynamic(TaskOptions options,
      TaskInterface javaInterface, TaskFunction<Map<String, Object>, Map<String, Object>> function) {
    return new FunctionTask<>(options, javaInterface, function);
  }

  /** The task's code. Exceptions become user errors naming this task (see {@link TaskExecutionException}). */
  public abstract O execute(I inputs) throws Exception;

  public TaskInterface javaInterface() {
    return javaInterface;
  }

  public TaskOptions options() {
    return options;
  }

  public Map<String, String> environment() {
    return options.environment();
  }

  public ResourceSpec resources() {
    return options.resources();
  }

  public TaskResolver taskResolver() {
    return options.resolver().orElse(DefaultTaskResolver.INSTANCE);
  }

  /** Whether the task writes a deck (off by default, as {@code disable_deck=True} in flytekit). */
  public boolean enableDeck() {
    return options.enableDeck();
  }

  @Override
  public TypedInterface typedInterface() {
    TypedInterface ti = typedInterface;
    if (ti == null) {
      ti = javaInterface.toIdl(TypeEngine.get());
      typedInterface = ti;
    }
    return ti;
  }

  @Override
  public Map<String, Type> getInputTypes() {
    return javaInterface.inputTypes();
  }

  @Override
  public Map<String, Type> getOutputTypes() {
    return javaInterface.outputTypes();
  }

  /** Runs the task locally on typed inputs and returns typed outputs (see {@link Task#localExecute}). */
  @SuppressWarnings("unchecked")
  public O call(I inputs) {
    return (O) javaInterface.fromOutputMap(localExecute(javaInterface.inputsOf(inputs)));
  }

  /** The container args: {@code shimkit-execute} with checkpoint flags, the resolver and its loader args. */
  public List<String> getCommand(SerializationSettings settings) {
    List<String> args = new ArrayList<>(List.of(ENTRYPOINT, "--inputs", "{{.input}}", "--output-prefix",
        "{{.outputPrefix}}", "--raw-output-data-prefix", "{{.rawOutputDataPrefix}}", "--checkpoint-path",
        "{{.checkpointOutputPrefix}}", "--prev-checkpoint", "{{.prevCheckpointPrefix}}", "--resolver",
        taskResolver().location(), "--"));
    args.addAll(taskResolver().loaderArgs(settings, this));
    return args;
  }

  /** The image to register: the task's own (placeholders resolved) or the settings' default image. */
  public String getImage(SerializationSettings settings) {
    return ImageResolver.resolve(options.image().orElse(null), settings.imageConfig());
  }

  @Override
  public Optional<Tasks.Container> getContainer(SerializationSettings settings) {
    return Optional.of(Containers.build(settings, getImage(settings), getCommand(settings), environment(), resources()));
  }

  /**
   * Converts the literal inputs to Java values, runs {@link #execute} with {@link #preExecute}/
   * {@link #postExecute} around it, and converts the outputs. Input and output conversion failures are
   * non-recoverable system errors; what {@code execute} throws is a user error naming the task (a
   * {@link FlyteSystemException} it throws stays a system error).
   */
  @Override
  @SuppressWarnings("unchecked")
  public LiteralMap dispatchExecute(FlyteContext ctx, LiteralMap inputs) {
    TypeEngine engine = TypeEngine.get();
    Object input;
    try {
      Map<String, Type> known = new LinkedHashMap<>();
      Map<String, Type> declared = getInputTypes();
      for (String name : inputs.getLiteralsMap().keySet()) {
        Type t = declared.get(name);
        if (t == null) {
          throw new IllegalArgumentException("unexpected input '" + name + "'; inputs are " + declared.keySet());
        }
        known.put(name, t);
      }
      input = javaInterface.toInputValue(name(), engine.toJavaMap(ctx, inputs, known));
    } catch (FlyteSystemException e) {
      throw e;
    } catch (RuntimeException e) {
      throw FlyteSystemException.nonRecoverable("Failed to convert inputs of task '" + name() + "': "
          + e.getMessage(), e);
    }
    ExecutionParameters params = preExecute(ctx.userSpaceParams().orElse(null));
    FlyteContext execCtx = ctx.executionState().map(s -> ctx.withExecutionState(s.withParams(params))).orElse(ctx);
    Object result;
    try (FlyteContextManager.Scope scope = FlyteContextManager.push(execCtx)) {
      result = execute((I) input);
    } catch (FlyteSystemException e) {
      throw e;
    } catch (Exception e) {
      throw new TaskExecutionException(name(), e);
    }
    result = postExecute(params, result);
    if (result instanceof LiteralMap literalMap) {
      return literalMap;
    }
    return toLiteralOutputs(execCtx, result);
  }

  private LiteralMap toLiteralOutputs(FlyteContext ctx, Object result) {
    Map<String, Object> named;
    try {
      named = javaInterface.toOutputMap(name(), result);
    } catch (FlyteException e) {
      throw FlyteSystemException.nonRecoverable("Failed to convert outputs of task '" + name() + "': "
          + e.getMessage(), e);
    }
    Map<String, Variable> declared = typedInterface().getOutputs().getVariablesMap();
    LiteralMap.Builder out = LiteralMap.newBuilder();
    Map<String, Type> types = getOutputTypes();
    for (Map.Entry<String, Object> e : named.entrySet()) {
      LiteralType literalType = declared.get(e.getKey()).getType();
      try {
        out.putLiterals(e.getKey(), TypeEngine.get().toLiteral(ctx, e.getValue(), types.get(e.getKey()), literalType));
      } catch (FlyteSystemException ex) {
        throw ex;
      } catch (RuntimeException ex) {
        throw FlyteSystemException.nonRecoverable("Failed to convert return value for var '" + e.getKey()
            + "' of task '" + name() + "': " + ex.getMessage(), ex);
      }
    }
    return out.build();
  }
}
