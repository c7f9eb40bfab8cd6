package dev.shimkit.shim;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.resolve.TrackedInstance;
import dev.shimkit.task.Task;
import dev.shimkit.task.TaskMetadata;
import dev.shimkit.types.TypeEngine;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task that exists only as a {@code TaskTemplate} plus the executor that interprets it: what the container
 * runs for a {@link CustomizedContainerTask}. Java input types are guessed from the template's interface (see
 * {@link TypeEngine#guessJavaType}), the executor runs, and its result is mapped to the template's outputs.
 */
public final class ExecutableTemplateShimTask extends Task {
  private final TaskTemplate template;
  private final Class<? extends ShimTaskExecutor> executorType;
  private final ShimTaskExecutor executor;

  public ExecutableTemplateShimTask(TaskTemplate template, Class<? extends ShimTaskExecutor> executorType) {
    super(template.getType().isEmpty() ? "python-task" : template.getType(), template.getId().getName(),
        TaskMetadata.fromIdl(template.getMetadata()), template.getTaskTypeVersion(), null, null);
    this.template = template;
    this.executorType = executorType;
    this.executor = instantiate(executorType);
  }

  /** Loads the executor class {@code executorClassName} and wraps {@code template} with it. */
  public static ExecutableTemplateShimTask of(TaskTemplate template, String executorClassName) {
    Class<?> type = TrackedInstance.loadClass(executorClassName);
    if (!ShimTaskExecutor.class.isAssignableFrom(type)) {
      throw new FlyteUserException(TrackedInstance.LOAD_ERROR_CODE, executorClassName + " does not implement "
          + ShimTaskExecutor.class.getName(), null);
    }
    return new ExecutableTemplateShimTask(template, type.asSubclass(ShimTaskExecutor.class));
  }

  public TaskTemplate taskTemplate() {
    return template;
  }

  public Class<? extends ShimTaskExecutor> executorType() {
    return executorType;
  }

  public ShimTaskExecutor executor() {
    return executor;
  }

  @Override
  public TypedInterface typedInterface() {
    return template.getInterface();
  }

  /** Hands the template and inputs to the executor. */
  public Object execute(Map<String, Object> inputs) throws Exception {
    return executor.executeFromModel(template, inputs);
  }

  @Override
  public LiteralMap dispatchExecute(FlyteContext ctx, LiteralMap inputs) {
    Map<String, Type> guessed = TypeEngine.get().guessJavaTypes(template.getInterface().getInputs().getVariablesMap());
    Map<String, Object> nativeInputs = toJavaInputs(ctx, inputs, guessed);
    Object result = runUserCode(ctx, () -> execute(nativeInputs));
    if (result instanceof LiteralMap literalMap) {
      return literalMap;
    }
    Map<String, Variable> declared = template.getInterface().getOutputs().getVariablesMap();
    List<String> names = new ArrayList<>(declared.keySet());
    Map<String, Object> named = new LinkedHashMap<>();
    if (names.size() == 1) {
      named.put(names.get(0), result);
    } else if (names.size() > 1) {
      named.putAll(byName(names, result));
    }
    return toLiteralOutputs(ctx, named, TypeEngine.get().guessJavaTypes(declared));
  }

  private Map<String, Object> byName(List<String> names, Object result) {
    Map<String, Object> named = new LinkedHashMap<>();
    if (result instanceof Map<?, ?> map) {
      for (String n : names) {
        if (!map.containsKey(n)) {
          throw FlyteSystemException.nonRecoverable("Executor of task '" + name() + "' did not return output '"
              + n + "'; it returned " + map.keySet(), null);
        }
        named.put(n, map.get(n));
      }
      return named;
    }
    List<?> values;
    if (result instanceof List<?> list) {
      values = list;
    } else if (result instanceof Object[] array) {
      values = List.of(array);
    } else if (result != null && result.getClass().isRecord()) {
      List<Object> fromRecord = new ArrayList<>();
      for (RecordComponent c : result.getClass().getRecordComponents()) {
        try {
          fromRecord.add(c.getAccessor().invoke(result));
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("record accessor " + c + " failed", e);
        }
      }
      values = fromRecord;
    } else {
      throw FlyteSystemException.nonRecoverable("Executor of task '" + name() + "' returned "
          + (result == null ? "null" : result.getClass().getName()) + " but the template declares outputs " + names
          + ": return a Map by output name, a List or a record in declaration order", null);
    }
    if (values.size() != names.size()) {
      throw FlyteSystemException.nonRecoverable("Executor of task '" + name() + "' returned " + values.size()
          + " values for outputs " + names, null);
    }
    for (int i = 0; i < names.size(); i++) {
      named.put(names.get(i), values.get(i));
    }
    return named;
  }

  private static ShimTaskExecutor instantiate(Class<? extends ShimTaskExecutor> type) {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      throw new FlyteUserException(TrackedInstance.LOAD_ERROR_CODE, "Executor " + type.getName()
          + " needs a public no-arg constructor", e);
    } catch (InvocationTargetException e) {
      throw new FlyteUserException(TrackedInstance.LOAD_ERROR_CODE, "Creating executor " + type.getName()
          + " failed: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new FlyteUserException(TrackedInstance.LOAD_ERROR_CODE, "Cannot create executor " + type.getName()
          + ": " + e, e);
    }
  }
}
