package dev.shimkit.resolve;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.task.Task;
import java.util.List;

/**
 * Loads tasks whose code ships in the image: loader args {@code task-module <class> task-name <field>} name the
 * static field holding the task (flytekit's {@code DefaultTaskResolver}, with a Java class in place of a
 * Python module). Its location is {@code dev.shimkit.resolve.DefaultTaskResolver.INSTANCE}.
 */
public final class DefaultTaskResolver extends TrackedInstance implements TaskResolver {
  /** The resolver every Java function task uses unless given another. */
  public static final DefaultTaskResolver INSTANCE = new DefaultTaskResolver();

  private DefaultTaskResolver() {
  }

  @Override
  public String name() {
    return "DefaultTaskResolver";
  }

  @Override
  public List<String> loaderArgs(SerializationSettings settings, Task task) {
    return List.of("task-module", task.instantiatedIn().map(Class::getName).orElseThrow(), "task-name", task.lhs());
  }

  @Override
  public Task loadTask(List<String> loaderArgs) {
    if (loaderArgs.size() < 4 || !"task-module".equals(loaderArgs.get(0)) || !"task-name".equals(loaderArgs.get(2))) {
      throw new FlyteUserException(LOAD_ERROR_CODE, name() + " expects loader args 'task-module <class> task-name "
          + "<field>', got " + loaderArgs, null);
    }
    String location = loaderArgs.get(1) + "." + loaderArgs.get(3);
    Object loaded = TrackedInstance.load(location);
    if (!(loaded instanceof Task task)) {
      throw new FlyteUserException(LOAD_ERROR_CODE, location + " holds a " + loaded.getClass().getName()
          + ", not a task", null);
    }
    return task;
  }
}
