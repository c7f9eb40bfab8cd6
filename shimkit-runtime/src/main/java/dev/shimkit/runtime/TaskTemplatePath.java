package dev.shimkit.runtime;

/**
 * Where the task template is stored, for {@code {{.taskTemplatePath}}}. Called only when a command or arg
 * actually contains that placeholder, so an implementation can write the template lazily (as Flyte's
 * backend does: it uploads {@code task.pb} on first use) and should remember that it did.
 */
@FunctionalInterface
public interface TaskTemplatePath {
  /** The template's location (path or URI), writing the template first if needed. */
  String path();
}
