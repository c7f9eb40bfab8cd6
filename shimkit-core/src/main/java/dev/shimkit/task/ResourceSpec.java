package dev.shimkit.task;

import flyteidl.core.Tasks;
import java.util.List;

/**
 * The requests and limits of a task's container, each a {@link Resources} of single values. Serializes to the
 * IDL {@code core.Resources} exactly as flytekit's {@code _get_container_definition} does.
 *
 * @param requests what the task asks for; never null (empty when not given)
 * @param limits the most it may use; never null (empty when not given)
 */
public record ResourceSpec(Resources requests, Resources limits) {

  /** Order in which flytekit appends container resource entries (requests, then limits). */
  private static final List<Resources.Name> CONTAINER_ORDER = List.of(Resources.Name.EPHEMERAL_STORAGE,
      Resources.Name.CPU, Resources.Name.GPU, Resources.Name.MEM);
  private static final ResourceSpec EMPTY = new ResourceSpec(Resources.empty(), Resources.empty());

  public ResourceSpec {
    requests = requests == null ? Resources.empty() : requests;
    limits = limits == null ? Resources.empty() : limits;
  }

  /** No requests, no limits. */
  public static ResourceSpec empty() {
    return EMPTY;
  }

  /** True when neither requests nor limits set anything. */
  public boolean isEmpty() {
    return requests.isEmpty() && limits.isEmpty();
  }

  /**
   * Splits one {@link Resources} into requests and limits, following the rule flytekit <em>documents</em> for
   * {@code ResourceSpec.from_multiple_resource}: a single value sets both the request and the limit; a
   * (request, limit) pair sets the request to its first and the limit to its second element. (flytekit's code
   * sets only the request for a single value; its docstring says both, and shimkit follows the docstring so
   * that {@code cpu("2")} means "exactly 2 cores".)
   */
  public static ResourceSpec fromMultipleResource(Resources resources) {
    Resources.Builder req = Resources.builder();
    Resources.Builder lim = Resources.builder();
    for (Resources.Name n : Resources.Name.values()) {
      resources.get(n).ifPresent(v -> {
        if (v instanceof ResourceValue.Pair p) {
          req.set(n, p.request());
          lim.set(n, p.limit());
        } else {
          req.set(n, v);
          lim.set(n, v);
        }
      });
    }
    return new ResourceSpec(req.build(), lim.build());
  }

  /**
   * The container's {@code core.Resources}: entries only for values given (a numeric zero counts as not given,
   * as in flytekit), in the order EPHEMERAL_STORAGE, CPU, GPU, MEMORY, for requests then limits. A pair in
   * either side is an error that says how to fix it. No resources give an empty message.
   */
  public Tasks.Resources toContainerResources() {
    Tasks.Resources.Builder b = Tasks.Resources.newBuilder();
    for (Resources.Name n : CONTAINER_ORDER) {
      requests.singular(n).filter(Quantity::isTruthy).ifPresent(q -> b.addRequests(Resources.entry(n, q)));
    }
    for (Resources.Name n : CONTAINER_ORDER) {
      limits.singular(n).filter(Quantity::isTruthy).ifPresent(q -> b.addLimits(Resources.entry(n, q)));
    }
    return b.build();
  }

  /** Requests and limits read back from the IDL (values become single text quantities). */
  public static ResourceSpec fromIdl(Tasks.Resources idl) {
    return new ResourceSpec(Resources.fromResourceEntries(idl.getRequestsList()),
        Resources.fromResourceEntries(idl.getLimitsList()));
  }
}
