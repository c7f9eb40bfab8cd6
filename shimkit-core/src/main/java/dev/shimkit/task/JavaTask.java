package dev.shimkit.task;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.errors.FlyteException;
import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.TaskExecutionException;
import dev.shimkit.resolve.DefaultTaskResolver;
import dev.shimkit.resolve.TaskResolver;
import flyteidl.core.Literals.LiteralMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
public abstract class JavaTask<I, O> extends ContainerTask {
  /** The program in the image that runs tasks. */
  public static final String ENTRYPOINT = "shimkit-execute";

  protected JavaTask(TaskOptions options, TaskInterface javaInterface) {
    super(options, options.name().orElse(null), javaInterface);
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

  @Override
  protected TaskResolver defaultResolver() {
    return DefaultTaskResolver.INSTANCE;
  }

  /** Runs the task locally on typed inputs and returns typed outputs (see {@link Task#localExecute}). */
  @SuppressWarnings("unchecked")
  public O call(I inputs) {
    return (O) javaInterface().fromOutputMap(localExecute(javaInterface().inputsOf(inputs)));
  }

  /** The container args: {@code shimkit-execute} with checkpoint flags, the resolver and its loader args. */
  @Override
  public List<String> getCommand(SerializationSettings settings) {
    List<String> args = new ArrayList<>(List.of(ENTRYPOINT, "--inputs", "{{.input}}", "--output-prefix",
        "{{.outputPrefix}}", "--raw-output-data-prefix", "{{.rawOutputDataPrefix}}", "--checkpoint-path",
        "{{.checkpointOutputPrefix}}", "--prev-checkpoint", "{{.prevCheckpointPrefix}}", "--resolver",
        taskResolver().location(), "--"));
    args.addAll(taskResolver().loaderArgs(settings, this));
    return args;
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
    Map<String, Object> values = toJavaInputs(ctx, inputs, getInputTypes());
    Object input;
    try {
      input = javaInterface().toInputValue(name(), values);
    } catch (FlyteException e) {
      throw FlyteSystemException.nonRecoverable("Failed to convert inputs of task '" + name() + "': "
          + e.getMessage(), e);
    }
    Object result = runUserCode(ctx, () -> execute((I) input));
    if (result instanceof LiteralMap literalMap) {
      return literalMap;
    }
    Map<String, Object> named;
    try {
      named = javaInterface().toOutputMap(name(), result);
    } catch (FlyteException e) {
      throw FlyteSystemException.nonRecoverable("Failed to convert outputs of task '" + name() + "': "
          + e.getMessage(), e);
    }
    return toLiteralOutputs(ctx, named, getOutputTypes());
  }
}
