package dev.shimkit.task;

import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.task.internal.Quantities;
import flyteidl.core.Tasks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compute resources of a task: cpu, memory, gpu and ephemeral storage, each a single Kubernetes quantity or a
 * (request, limit) pair. Values are validated when set and otherwise passed through as given (numbers become
 * the text Python's {@code str()} writes: {@code 4 -> "4"}, {@code 1.5 -> "1.5"}); the backend parses them.
 *
 * <pre>{@code Resources.builder().cpu("500m").mem("2Gi", "4Gi").gpu(1).build()}</pre>
 *
 * <p>Counterpart of flytekit's {@code Resources}. Used as requests or limits, every field must be single; use
 * {@link ResourceSpec#fromMultipleResource(Resources)} to split pairs.
 */
public final class Resources {

  /** The fields of {@link Resources}, with their flytekit names and IDL resource names. */
  public enum Name {
    CPU("cpu", Tasks.Resources.ResourceName.CPU),
    MEM("mem", Tasks.Resources.ResourceName.MEMORY),
    GPU("gpu", Tasks.Resources.ResourceName.GPU),
    EPHEMERAL_STORAGE("ephemeral_storage", Tasks.Resources.ResourceName.EPHEMERAL_STORAGE);

    private final String fieldName;
    private final Tasks.Resources.ResourceName idl;

    Name(String fieldName, Tasks.Resources.ResourceName idl) {
      this.fieldName = fieldName;
      this.idl = idl;
    }

    /** The snake_case field name flytekit uses ({@code cpu}, {@code mem}, {@code gpu}, {@code ephemeral_storage}). */
    public String fieldName() {
      return fieldName;
    }

    /** The IDL resource name this field serializes to. */
    public Tasks.Resources.ResourceName idl() {
      return idl;
    }

    String label() {
      return "Resources." + fieldName;
    }
  }

  /** Order of {@code _convert_resources_to_resource_entries} (flytekit, used for overrides). */
  private static final List<Name> ENTRY_ORDER = List.of(Name.CPU, Name.MEM, Name.GPU, Name.EPHEMERAL_STORAGE);
  private static final Resources EMPTY = new Resources(new EnumMap<>(Name.class));

  private final Map<Name, ResourceValue> values;

  private Resources(EnumMap<Name, ResourceValue> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** Resources with no field set. */
  public static Resources empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this object's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.values.putAll(values);
    return b;
  }

  public Optional<ResourceValue> cpu() {
    return get(Name.CPU);
  }

  public Optional<ResourceValue> mem() {
    return get(Name.MEM);
  }

  public Optional<ResourceValue> gpu() {
    return get(Name.GPU);
  }

  public Optional<ResourceValue> ephemeralStorage() {
    return get(Name.EPHEMERAL_STORAGE);
  }

  /** The value of one field, if set. */
  public Optional<ResourceValue> get(Name name) {
    return Optional.ofNullable(values.get(name));
  }

  /** True when no field is set. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /**
   * The single amount of {@code name}, or an error when the field holds a pair (flytekit's
   * {@code _check_resource_is_singular}). Empty when the field is not set.
   */
  public Optional<Quantity> singular(Name name) {
    ResourceValue v = values.get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof ResourceValue.Pair p) {
      throw new FlyteValidationException(name.label() + ": " + p + " is a (request, limit) pair, which cannot be"
          + " used as a request or a limit alone; give a single value, or pass these Resources to"
          + " ResourceSpec.fromMultipleResource(...) to split the pair");
    }
    return Optional.of(((ResourceValue.Single) v).quantity());
  }

  /**
   * IDL entries for every set field, in flytekit's override order CPU, MEMORY, GPU, EPHEMERAL_STORAGE (numeric
   * zeros included). Pairs are rejected.
   */
  public List<Tasks.Resources.ResourceEntry> toResourceEntries() {
    List<Tasks.Resources.ResourceEntry> out = new ArrayList<>();
    for (Name n : ENTRY_ORDER) {
      singular(n).ifPresent(q -> out.add(entry(n, q)));
    }
    return out;
  }

  /**
   * Resources from IDL entries: each known name becomes a single text value. UNKNOWN and the deprecated
   * STORAGE have no field here and are skipped; a name given twice keeps the last value.
   */
  public static Resources fromResourceEntries(List<Tasks.Resources.ResourceEntry> entries) {
    Builder b = builder();
    for (Tasks.Resources.ResourceEntry e : entries) {
      for (Name n : Name.values()) {
        if (n.idl == e.getName()) {
          b.set(n, Quantity.of(Quantities.check(n.label(), e.getValue())));
        }
      }
    }
    return b.build();
  }

  static Tasks.Resources.ResourceEntry entry(Name n, Quantity q) {
    return Tasks.Resources.ResourceEntry.newBuilder().setName(n.idl).setValue(q.value()).build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Resources r && r.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Resources(");
    String sep = "";
    for (Map.Entry<Name, ResourceValue> e : values.entrySet()) {
      sb.append(sep).append(e.getKey().fieldName).append('=').append(e.getValue());
      sep = ", ";
    }
    return sb.append(')').toString();
  }

  /**
   * Builds {@link Resources}. Every setter validates its value at once; a later call for the same field
   * replaces the earlier one.
   */
  public static final class Builder {
    private final EnumMap<Name, ResourceValue> values = new EnumMap<>(Name.class);

    private Builder() {
    }

    public Builder cpu(String value) {
      return set(Name.CPU, text(Name.CPU, "", value));
    }

    public Builder cpu(long value) {
      return set(Name.CPU, number(Name.CPU, "", value));
    }

    /** Cores as a float, like flytekit's {@code cpu=1.5}; written as Python writes floats ({@code "1.5"}). */
    public Builder cpu(double value) {
      return set(Name.CPU, number(Name.CPU, "", value));
    }

    public Builder cpu(String request, String limit) {
      return pair(Name.CPU, text(Name.CPU, " (request)", request), text(Name.CPU, " (limit)", limit));
    }

    public Builder cpu(long request, long limit) {
      return pair(Name.CPU, number(Name.CPU, " (request)", request), number(Name.CPU, " (limit)", limit));
    }

    public Builder cpu(double request, double limit) {
      return pair(Name.CPU, number(Name.CPU, " (request)", request), number(Name.CPU, " (limit)", limit));
    }

    public Builder mem(String value) {
      return set(Name.MEM, text(Name.MEM, "", value));
    }

    /** Bytes, e.g. {@code mem(1073741824)}. */
    public Builder mem(long value) {
      return set(Name.MEM, number(Name.MEM, "", value));
    }

    public Builder mem(String request, String limit) {
      return pair(Name.MEM, text(Name.MEM, " (request)", request), text(Name.MEM, " (limit)", limit));
    }

    public Builder mem(long request, long limit) {
      return pair(Name.MEM, number(Name.MEM, " (request)", request), number(Name.MEM, " (limit)", limit));
    }

    public Builder gpu(String value) {
      return set(Name.GPU, text(Name.GPU, "", value));
    }

    public Builder gpu(long value) {
      return set(Name.GPU, number(Name.GPU, "", value));
    }

    public Builder gpu(String request, String limit) {
      return pair(Name.GPU, text(Name.GPU, " (request)", request), text(Name.GPU, " (limit)", limit));
    }

    public Builder gpu(long request, long limit) {
      return pair(Name.GPU, number(Name.GPU, " (request)", request), number(Name.GPU, " (limit)", limit));
    }

    public Builder ephemeralStorage(String value) {
      return set(Name.EPHEMERAL_STORAGE, text(Name.EPHEMERAL_STORAGE, "", value));
    }

    public Builder ephemeralStorage(long value) {
      return set(Name.EPHEMERAL_STORAGE, number(Name.EPHEMERAL_STORAGE, "", value));
    }

    public Builder ephemeralStorage(String request, String limit) {
      return pair(Name.EPHEMERAL_STORAGE, text(Name.EPHEMERAL_STORAGE, " (request)", request),
          text(Name.EPHEMERAL_STORAGE, " (limit)", limit));
    }

    public Builder ephemeralStorage(long request, long limit) {
      return pair(Name.EPHEMERAL_STORAGE, number(Name.EPHEMERAL_STORAGE, " (request)", request),
          number(Name.EPHEMERAL_STORAGE, " (limit)", limit));
    }

    /** Sets a single, already made quantity (validated again). */
    public Builder set(Name name, Quantity quantity) {
      Quantities.check(name.label(), quantity.value());
      values.put(name, new ResourceValue.Single(quantity));
      return this;
    }

    /** Sets any value, already made (validated again). */
    public Builder set(Name name, ResourceValue value) {
      if (value instanceof ResourceValue.Pair p) {
        return pair(name, p.request(), p.limit());
      }
      return set(name, ((ResourceValue.Single) value).quantity());
    }

    /** Unsets a field. */
    public Builder clear(Name name) {
      values.remove(name);
      return this;
    }

    public Resources build() {
      return values.isEmpty() ? EMPTY : new Resources(new EnumMap<>(values));
    }

    private Builder pair(Name name, Quantity request, Quantity limit) {
      Quantities.check(name.label() + " (request)", request.value());
      Quantities.check(name.label() + " (limit)", limit.value());
      values.put(name, new ResourceValue.Pair(request, limit));
      return this;
    }

    private static Quantity text(Name name, String role, String value) {
      return Quantity.of(Quantities.check(name.label() + role, value));
    }

    private static Quantity number(Name name, String role, long value) {
      return new Quantity(Quantities.fromLong(name.label() + role, value), true);
    }

    private static Quantity number(Name name, String role, double value) {
      return new Quantity(Quantities.fromDouble(name.label() + role, value), true);
    }
  }
}
