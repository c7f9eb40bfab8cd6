package dev.shimkit.cli.internal;

import dev.shimkit.cli.EntityAdapter;
import dev.shimkit.cli.EntityKind;
import dev.shimkit.cli.RegistrableEntity;
import dev.shimkit.config.SerializationSettings;
import dev.shimkit.resolve.TrackedInstance;
import dev.shimkit.task.JavaTask;
import dev.shimkit.task.Task;
import flyteidl.admin.DescriptionEntityOuterClass.Description;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntity;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionFormat;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import java.util.List;

/**
 * Registers every {@link Task} as an {@code admin.TaskSpec}: its template plus a description from
 * {@link Task#docs()}. Like flytekit, a code task ({@link JavaTask}, flytekit's function task) always carries a
 * description (empty RST long description when it has no docs) and other tasks carry one only when documented.
 */
public final class TaskEntityAdapter implements EntityAdapter {
  /** Flyte Admin rejects longer short descriptions. */
  static final int SHORT_DESCRIPTION_LIMIT = 255;

  @Override
  public List<RegistrableEntity> adapt(TrackedInstance instance, String location) {
    if (instance instanceof Task task) {
      return List.of(entity(task, location));
    }
    return List.of();
  }

  /** The entity of {@code task}, found at {@code location}. */
  public static RegistrableEntity entity(Task task, String location) {
    return RegistrableEntity.of(EntityKind.TASK, task.name(), location, settings -> taskSpec(task, settings));
  }

  /** The admin message of {@code task} under {@code settings}. */
  public static TaskSpec taskSpec(Task task, SerializationSettings settings) {
    TaskSpec.Builder spec = TaskSpec.newBuilder().setTemplate(task.serializeToModel(settings));
    String docs = task.docs().orElse(null);
    if (docs != null && !docs.isBlank()) {
      spec.setDescription(DescriptionEntity.newBuilder()
          .setShortDescription(shortDescription(docs))
          .setLongDescription(Description.newBuilder().setValue(docs.strip())
              .setFormat(DescriptionFormat.DESCRIPTION_FORMAT_RST)));
    } else if (task instanceof JavaTask<?, ?>) {
      spec.setDescription(DescriptionEntity.newBuilder()
          .setLongDescription(Description.newBuilder().setFormat(DescriptionFormat.DESCRIPTION_FORMAT_RST)));
    }
    return spec.build();
  }

  private static String shortDescription(String docs) {
    String first = docs.strip().lines().findFirst().orElse("").strip();
    return first.length() <= SHORT_DESCRIPTION_LIMIT ? first : first.substring(0, SHORT_DESCRIPTION_LIMIT);
  }
}
