package dev.shimkit.shim;

import dev.shimkit.internal.Structs;
import flyteidl.core.Tasks.TaskTemplate;
import java.util.Map;

/**
 * Runs a template-based task from its {@code TaskTemplate} alone: the prebuilt image's half of a
 * {@link CustomizedContainerTask}. Named by class in the container args, so implementations need a public
 * no-arg constructor and must not rely on the authoring code being present.
 *
 * <p>Return a single value for a task with one output, a {@code Map<String, Object>} by output name (or a
 * record, or a {@code List} in declaration order) for several, {@code null} for none, or a
 * {@code LiteralMap} to bypass conversion. Throw a {@link dev.shimkit.errors.FlyteUserException} for
 * problems the user can fix; any other exception is reported as a user error of the task too, unless it is a
 * {@link dev.shimkit.errors.FlyteSystemException}.
 */
public interface ShimTaskExecutor {

  /**
   * Executes the task.
   *
   * @param template the whole task definition, including {@code custom}
   * @param inputs the task's inputs as Java values of the types guessed from the template's interface
   */
  Object executeFromModel(TaskTemplate template, Map<String, Object> inputs) throws Exception;

  /** The template's {@code custom} as an instance of the author's config type (a record or POJO). */
  static <C> C custom(TaskTemplate template, Class<C> type) {
    return Structs.toObject(template.getCustom(), type);
  }

  /** The template's {@code custom} as plain maps, lists, strings, doubles and booleans. */
  static Map<String, Object> custom(TaskTemplate template) {
    return Structs.toMap(template.getCustom());
  }
}
