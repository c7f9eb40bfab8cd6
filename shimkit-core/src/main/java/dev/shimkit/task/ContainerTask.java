package dev.shimkit.task;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.resolve.TaskResolver;
import dev.shimkit.task.internal.Containers;
import dev.shimkit.task.internal.ImageResolver;
import dev.shimkit.types.TypeEngine;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Tasks;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A task that runs in a container and declares a Java-typed interface: what {@link JavaTask} and the
 * customized container tasks share (options, image, environment, resources, resolver, the container itself).
 * Subclasses decide the container args ({@link #getCommand}) and how the task runs.
 */
public abstract class ContainerTask extends Task {
  private final TaskOptions options;
  private final TaskInterface javaInterface;
  private volatile TypedInterface typedInterface;

  protected ContainerTask(TaskOptions options, String name, TaskInterface javaInterface) {
    super(options.taskType(), name, options.metadata(), options.taskTypeVersion(),
        options.securityContext().orElse(null), options.docs().orElse(null));
    this.options = options;
    this.javaInterface = Objects.requireNonNull(javaInterface, "javaInterface");
  }

  /** The container args: the entrypoint, its flags, {@code --resolver <location> --} and the loader args. */
  public abstract List<String> getCommand(SerializationSettings settings);

  /** The resolver used when the options name none. */
  protected abstract TaskResolver defaultResolver();

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
    return options.resolver().orElseGet(this::defaultResolver);
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

  /** The image to register: the task's own (placeholders resolved) or the settings' default image. */
  public String getImage(SerializationSettings settings) {
    return ImageResolver.resolve(options.image().orElse(null), settings.imageConfig());
  }

  @Override
  public Optional<Tasks.Container> getContainer(SerializationSettings settings) {
    return Optional.of(Containers.build(settings, getImage(settings), getCommand(settings), environment(), resources()));
  }
}
