package dev.shimkit.task.internal;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.task.ResourceSpec;
import flyteidl.core.Literals.KeyValuePair;
import flyteidl.core.Tasks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a task's {@code Container} as flytekit's {@code _get_container_definition}: command empty, the given
 * args, env = settings env then task env, resources only for the values given (the settings' default
 * resources when the task sets none).
 */
public final class Containers {
  private Containers() {
  }

  public static Tasks.Container build(SerializationSettings settings, String image, List<String> args,
      Map<String, String> taskEnv, ResourceSpec taskResources) {
    Map<String, String> env = new LinkedHashMap<>(settings.env());
    env.putAll(taskEnv);
    ResourceSpec resources = taskResources;
    if (resources.isEmpty() && settings.defaultResources().isPresent()) {
      resources = settings.defaultResources().get();
    }
    Tasks.Container.Builder c = Tasks.Container.newBuilder()
        .setImage(image)
        .addAllArgs(args)
        .setResources(resources.toContainerResources());
    env.forEach((k, v) -> c.addEnv(KeyValuePair.newBuilder().setKey(k).setValue(v)));
    return c.build();
  }
}
