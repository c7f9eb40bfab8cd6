package dev.shimkit.resolve;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.task.Task;
import java.util.List;
import java.util.Optional;

/**
 * Finds a task again inside the container. At serialization a task's resolver contributes its
 * {@link #location()} ({@code --resolver}) and {@link #loaderArgs} (after {@code --}) to the container args; at
 * run time the entrypoint loads the resolver by location and calls {@link #loadTask} with those args. The Java
 * counterpart of flytekit's {@code TaskResolverMixin}. Implementations are tracked instances held in static
 * fields, so they have a location.
 */
public interface TaskResolver {

  /** Where the entrypoint finds this resolver: {@code <class>.<STATIC_FIELD>}. */
  String location();

  /** A human name, for messages. */
  String name();

  /** The task the loader args name. */
  Task loadTask(List<String> loaderArgs);

  /** The args that let {@link #loadTask} find {@code task} again. */
  List<String> loaderArgs(SerializationSettings settings, Task task);

  /** Every task this resolver can load, when it can enumerate them (default: none). */
  default List<Task> getAllTasks() {
    return List.of();
  }

  /** A name to give {@code task} instead of its own, for resolvers that rename (default: none). */
  default Optional<String> taskName(Task task) {
    return Optional.empty();
  }
}
