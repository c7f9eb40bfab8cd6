package dev.shimkit.cli;

import com.google.protobuf.Message;
import dev.shimkit.config.SerializationSettings;

/**
 * Something {@code shimkit package}/{@code register} can ship to Flyte: a task, a workflow or a launch plan,
 * found at a {@link #location()} and turned into its admin message for given settings. Made by an
 * {@link EntityAdapter} from the object held in a public static field.
 */
public interface RegistrableEntity {

  EntityKind kind();

  /** The entity's id name (the template id name of a task or workflow, the launch plan's id name). */
  String name();

  /** {@code <class>.<FIELD>} of the static field holding the entity; orders entities of one kind. */
  String location();

  /**
   * The admin message Flyte registers: {@code admin.TaskSpec} for {@link EntityKind#TASK},
   * {@code admin.WorkflowSpec} for {@link EntityKind#WORKFLOW}, {@code admin.LaunchPlan} for
   * {@link EntityKind#LAUNCH_PLAN}. Ids carry the settings' project/domain/version, empty when those are null.
   */
  Message serialize(SerializationSettings settings);

  /** An entity whose admin message {@code serializer} makes for given settings. */
  static RegistrableEntity of(EntityKind kind, String name, String location,
      java.util.function.Function<SerializationSettings, ? extends Message> serializer) {
    record Simple(EntityKind kind, String name, String location,
        java.util.function.Function<SerializationSettings, ? extends Message> serializer) implements RegistrableEntity {
      @Override
      public Message serialize(SerializationSettings settings) {
        return serializer.apply(settings);
      }
    }
    return new Simple(kind, name, location, serializer);
  }
}
