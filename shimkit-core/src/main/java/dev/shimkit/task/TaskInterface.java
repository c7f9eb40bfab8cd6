package dev.shimkit.task;

import dev.shimkit.errors.FlyteTypeException;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.types.TypeEngine;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Java-typed interface of a task: named, typed inputs and outputs. Records are the preferred way to
 * declare it ({@link #of(Class, Class)}: one record for inputs, one for outputs, component names become
 * variable names); {@link #builder()} declares dynamic interfaces whose values travel as maps. A single
 * non-record output type is one output named {@code o0}, as in flytekit; {@code Void} means none.
 */
public final class TaskInterface {
  /** flytekit's name for a task's only output when it has no name of its own. */
  public static final String DEFAULT_OUTPUT_NAME = "o0";

  /**
   * One input or output.
   *
   * @param name the variable name
   * @param type its Java type (generic types kept)
   * @param description written into the IDL; flytekit writes the name when none is given
   * @param defaultValue the value used when an input is not given, or null
   */
  public record Parameter(String name, Type type, String description, Object defaultValue) {
    public Parameter {
      if (name == null || name.isBlank()) {
        throw new FlyteValidationException("A task variable needs a name");
      }
      if (type == null) {
        throw new FlyteValidationException("Task variable '" + name + "' needs a type");
      }
      description = description == null || description.isEmpty() ? name : description;
    }

    public Optional<Object> defaultValueIfAny() {
      return Optional.ofNullable(defaultValue);
    }
  }

  private final Map<String, Parameter> inputs;
  private final Map<String, Parameter> outputs;
  private final Class<?> inputRecord;
  private final Class<?> outputRecord;
  private final boolean singleOutput;

  private TaskInterface(Map<String, Parameter> inputs, Map<String, Parameter> outputs, Class<?> inputRecord,
      Class<?> outputRecord, boolean singleOutput) {
    this.inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    this.outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    this.inputRecord = inputRecord;
    this.outputRecord = outputRecord;
    this.singleOutput = singleOutput;
  }

  /**
   * The interface of a task taking {@code inputType} (a record, or {@code Void} for none) and returning
   * {@code outputType} (a record for several named outputs, {@code Void} for none, anything else for one
   * output named {@code o0}).
   */
  public static TaskInterface of(Class<?> inputType, Class<?> outputType) {
    Map<String, Parameter> in = new LinkedHashMap<>();
    Class<?> inRecord = null;
    if (inputType != null && inputType != Void.class && inputType != void.class) {
      if (!inputType.isRecord()) {
        throw new FlyteValidationException("Task inputs must be declared as a record (one component per input), "
            + "got " + inputType.getName() + ". Wrap single values in a record, e.g. record In(long x) {}.");
      }
      inRecord = inputType;
      for (RecordComponent c : inputType.getRecordComponents()) {
        in.put(c.getName(), new Parameter(c.getName(), c.getGenericType(), null, null));
      }
    }
    Map<String, Parameter> out = new LinkedHashMap<>();
    Class<?> outRecord = null;
    boolean single = false;
    if (outputType != null && outputType != Void.class && outputType != void.class) {
      if (outputType.isRecord()) {
        outRecord = outputType;
        for (RecordComponent c : outputType.getRecordComponents()) {
          out.put(c.getName(), new Parameter(c.getName(), c.getGenericType(), null, null));
        }
      } else {
        single = true;
        out.put(DEFAULT_OUTPUT_NAME, new Parameter(DEFAULT_OUTPUT_NAME, outputType, null, null));
      }
    }
    return new TaskInterface(in, out, inRecord, outRecord, single);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Map<String, Parameter> inputs() {
    return inputs;
  }

  public Map<String, Parameter> outputs() {
    return outputs;
  }

  /** Input names to Java types, in declaration order. */
  public Map<String, Type> inputTypes() {
    Map<String, Type> types = new LinkedHashMap<>();
    inputs.forEach((k, v) -> types.put(k, v.type()));
    return types;
  }

  /** Output names to Java types, in declaration order. */
  public Map<String, Type> outputTypes() {
    Map<String, Type> types = new LinkedHashMap<>();
    outputs.forEach((k, v) -> types.put(k, v.type()));
    return types;
  }

  /** The IDL interface: each variable's literal type from the type engine, its description. */
  public TypedInterface toIdl(TypeEngine engine) {
    return TypedInterface.newBuilder().setInputs(toVariableMap(inputs, engine, "input"))
        .setOutputs(toVariableMap(outputs, engine, "output")).build();
  }

  private static VariableMap toVariableMap(Map<String, Parameter> params, TypeEngine engine, String kind) {
    VariableMap.Builder b = VariableMap.newBuilder();
    for (Parameter p : params.values()) {
      try {
        b.putVariables(p.name(), Variable.newBuilder().setType(engine.toLiteralType(p.type()))
            .setDescription(p.description()).build());
      } catch (RuntimeException e) {
        throw new FlyteTypeException(kind + " '" + p.name() + "': Java type " + p.type().getTypeName()
            + " has no Flyte type: " + e.getMessage(), e);
      }
    }
    return b.build();
  }

  /**
   * The value handed to task code for these named inputs: an instance of the input record, or the map itself
   * for a dynamic interface. Missing inputs take their default; missing inputs without one are an error.
   */
  public Object toInputValue(String taskName, Map<String, Object> values) {
    Map<String, Object> complete = new LinkedHashMap<>(values);
    for (Parameter p : inputs.values()) {
      if (!complete.containsKey(p.name()) || complete.get(p.name()) == null) {
        if (p.defaultValue() != null) {
          complete.put(p.name(), p.defaultValue());
        } else if (isOptional(p.type())) {
          complete.put(p.name(), Optional.empty());
        } else if (!complete.containsKey(p.name())) {
          throw new FlyteValidationException("Task '" + taskName + "' is missing input '" + p.name() + "' ("
              + p.type().getTypeName() + "); it has no default. Given: " + values.keySet());
        }
      }
    }
    if (inputRecord == null) {
      return Collections.unmodifiableMap(complete);
    }
    RecordComponent[] components = inputRecord.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      args[i] = complete.get(components[i].getName());
      types[i] = components[i].getType();
      if (args[i] == null && types[i].isPrimitive()) {
        throw new FlyteValidationException("Task '" + taskName + "': input '" + components[i].getName()
            + "' is a primitive " + types[i] + " and cannot be null");
      }
    }
    return construct(inputRecord, types, args);
  }

  /** The named outputs of a value task code returned, following how the outputs were declared. */
  public Map<String, Object> toOutputMap(String taskName, Object result) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (outputs.isEmpty()) {
      return out;
    }
    if (singleOutput) {
      out.put(DEFAULT_OUTPUT_NAME, result);
      return out;
    }
    if (result == null) {
      throw new FlyteValidationException("Task '" + taskName + "' returned null but declares outputs " + outputs.keySet());
    }
    if (outputRecord != null && outputRecord.isInstance(result)) {
      for (RecordComponent c : outputRecord.getRecordComponents()) {
        try {
          out.put(c.getName(), c.getAccessor().invoke(result));
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("record accessor " + c + " failed", e);
        }
      }
      return out;
    }
    if (result instanceof Map<?, ?> map) {
      for (String name : outputs.keySet()) {
        if (!map.containsKey(name)) {
          throw new FlyteValidationException("Task '" + taskName + "' did not return output '" + name
              + "'; it returned " + map.keySet());
        }
        out.put(name, map.get(name));
      }
      return out;
    }
    throw new FlyteTypeException("Task '" + taskName + "' returned a " + result.getClass().getName()
        + " but declares outputs " + outputs.keySet() + " (return " + (outputRecord != null
        ? outputRecord.getName() : "a Map<String, Object>") + ")");
  }

  /** The value a caller of a typed task gets back from the named outputs. */
  public Object fromOutputMap(Map<String, Object> named) {
    if (outputs.isEmpty()) {
      return null;
    }
    if (singleOutput) {
      return named.get(DEFAULT_OUTPUT_NAME);
    }
    if (outputRecord == null) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(named));
    }
    RecordComponent[] components = outputRecord.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      args[i] = named.get(components[i].getName());
      types[i] = components[i].getType();
    }
    return construct(outputRecord, types, args);
  }

  /** The named inputs of an input value (record or map). */
  public Map<String, Object> inputsOf(Object value) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (value == null) {
      return out;
    }
    if (inputRecord != null && inputRecord.isInstance(value)) {
      for (RecordComponent c : inputRecord.getRecordComponents()) {
        try {
          out.put(c.getName(), c.getAccessor().invoke(value));
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("record accessor " + c + " failed", e);
        }
      }
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> out.put(String.valueOf(k), v));
      return out;
    }
    throw new FlyteTypeException("Expected " + (inputRecord != null ? inputRecord.getName() : "a Map<String, Object>")
        + " as task inputs, got " + value.getClass().getName());
  }

  private static boolean isOptional(Type type) {
    return type == Optional.class || (type instanceof java.lang.reflect.ParameterizedType pt && pt.getRawType() == Optional.class);
  }

  private static Object construct(Class<?> record, Class<?>[] types, Object[] args) {
    try {
      Constructor<?> ctor = record.getDeclaredConstructor(types);
      ctor.setAccessible(true);
      return ctor.newInstance(args);
    } catch (InvocationTargetException e) {
      throw new FlyteValidationException("Creating " + record.getSimpleName() + " failed: " + e.getCause().getMessage(),
          e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create record " + record.getName(), e);
    } catch (IllegalArgumentException e) {
      throw new FlyteTypeException("Values do not fit " + record.getSimpleName() + List.of(types) + ": " + e.getMessage(), e);
    }
  }

  /** Builds a dynamic interface: values travel as {@code Map<String, Object>}. */
  public static final class Builder {
    private final Map<String, Parameter> inputs = new LinkedHashMap<>();
    private final Map<String, Parameter> outputs = new LinkedHashMap<>();

    private Builder() {
    }

    public Builder input(String name, Type type) {
      return input(new Parameter(name, type, null, null));
    }

    public Builder input(String name, Type type, Object defaultValue) {
      return input(new Parameter(name, type, null, defaultValue));
    }

    public Builder input(Parameter p) {
      if (inputs.putIfAbsent(p.name(), p) != null) {
        throw new FlyteValidationException("Input '" + p.name() + "' is declared twice");
      }
      return this;
    }

    public Builder output(String name, Type type) {
      return output(new Parameter(name, type, null, null));
    }

    public Builder output(Parameter p) {
      if (outputs.putIfAbsent(p.name(), p) != null) {
        throw new FlyteValidationException("Output '" + p.name() + "' is declared twice");
      }
      return this;
    }

    public TaskInterface build() {
      return new TaskInterface(inputs, outputs, null, null, false);
    }
  }
}
