package dev.shimkit.cli;

import com.google.protobuf.Message;
import java.util.Objects;

/**
 * An entity as written into a package or sent to Flyte Admin: its kind, id name and admin message
 * ({@code TaskSpec}, {@code WorkflowSpec} or {@code LaunchPlan}).
 *
 * @param kind what the message is
 * @param name the id name, used in package file names
 * @param spec the admin message
 */
public record SerializedEntity(EntityKind kind, String name, Message spec) {
  public SerializedEntity {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(spec, "spec");
    if (EntityKind.of(spec) != kind) {
      throw new IllegalArgumentException("A " + kind.label() + " entity needs a " + kind + " message, got "
          + spec.getDescriptorForType().getFullName());
    }
  }

  /** Wraps a message, taking kind and name from it. */
  public static SerializedEntity of(Message spec) {
    EntityKind kind = EntityKind.of(spec);
    return new SerializedEntity(kind, dev.shimkit.cli.internal.Ids.idOf(spec).getName(), spec);
  }
}
