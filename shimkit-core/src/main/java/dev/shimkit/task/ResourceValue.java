package dev.shimkit.task;

/**
 * What one field of {@link Resources} holds: a single amount, or a (request, limit) pair. A pair only makes
 * sense for {@link ResourceSpec#fromMultipleResource(Resources)}; used directly as requests or limits it is
 * rejected at serialization, as flytekit does.
 */
public sealed interface ResourceValue permits ResourceValue.Single, ResourceValue.Pair {

  /** A single amount. */
  record Single(Quantity quantity) implements ResourceValue {
    public Single {
      java.util.Objects.requireNonNull(quantity, "quantity");
    }

    @Override
    public String toString() {
      return quantity.value();
    }
  }

  /** A request and a limit, in that order. */
  record Pair(Quantity request, Quantity limit) implements ResourceValue {
    public Pair {
      java.util.Objects.requireNonNull(request, "request");
      java.util.Objects.requireNonNull(limit, "limit");
    }

    @Override
    public String toString() {
      return "(" + request.value() + ", " + limit.value() + ")";
    }
  }
}
