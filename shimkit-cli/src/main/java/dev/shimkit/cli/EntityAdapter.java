package dev.shimkit.cli;

import dev.shimkit.resolve.TrackedInstance;
import java.util.List;

/**
 * Extension point: turns a tracked object found in a public static field into the entities to register.
 * Implementations are found with {@link java.util.ServiceLoader} (file
 * {@code META-INF/services/dev.shimkit.cli.EntityAdapter}); the CLI ships one for tasks. A workflow adapter
 * returns the workflow and its default launch plan; entities that come out twice (same kind and name) are
 * registered once.
 */
public interface EntityAdapter {

  /**
   * The entities {@code instance} stands for, or an empty list when this adapter does not handle its type.
   *
   * @param instance the object held in the field
   * @param location {@code <class>.<FIELD>} of that field (equal to {@code instance.location()})
   */
  List<RegistrableEntity> adapt(TrackedInstance instance, String location);
}
