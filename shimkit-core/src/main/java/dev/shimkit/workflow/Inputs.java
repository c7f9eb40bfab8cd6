package dev.shimkit.workflow;

import dev.shimkit.errors.FlyteValidationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Binds the inputs of a typed task call: {@code in.set(AddIn::x).to(promise)} or {@code .to(5L)}. The record
 * accessor fixes the input's Java type first, so the compiler rejects a promise or constant of another type.
 * {@link #set(String)} binds by name when no record is at hand (checked when the workflow compiles).
 *
 * @param <I> the task's input record
 */
public final class Inputs<I> {
  private final Map<String, Object> values = new LinkedHashMap<>();

  Inputs() {
  }

  /** The input named by a component of the task's input record. */
  public <T> Slot<T> set(RecordAccessor<I, T> component) {
    return new Slot<>(RecordAccessor.componentName(component));
  }

  /** The input {@code name}; its type is checked when the workflow compiles. */
  public Slot<Object> set(String name) {
    return new Slot<>(name);
  }

  Map<String, Object> values() {
    return Collections.unmodifiableMap(values);
  }

  /**
   * One input waiting for its value.
   *
   * @param <T> the input's Java type
   */
  public final class Slot<T> {
    private final String name;

    private Slot(String name) {
      this.name = name;
    }

    /** Binds the input to the output of another node or to a workflow input. */
    public Inputs<I> to(Promise<T> promise) {
      return put(promise);
    }

    /** Binds the input to a constant. */
    public Inputs<I> to(T value) {
      return put(value);
    }

    private Inputs<I> put(Object value) {
      if (values.containsKey(name)) {
        throw new FlyteValidationException("Input '" + name + "' is bound twice in one call");
      }
      values.put(name, value);
      return Inputs.this;
    }
  }
}
