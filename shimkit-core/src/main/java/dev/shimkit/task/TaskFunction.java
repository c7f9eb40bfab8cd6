package dev.shimkit.task;

/** The code of a {@link JavaTask} written as a lambda. It may throw; see {@link JavaTask#execute}. */
@FunctionalInterface
public interface TaskFunction<I, O> {
  O apply(I inputs) throws Exception;
}
