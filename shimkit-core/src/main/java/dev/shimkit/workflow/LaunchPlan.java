package dev.shimkit.workflow;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.resolve.TrackedInstance;
import dev.shimkit.task.SecurityContext;
import dev.shimkit.types.TypeEngine;
import flyteidl.admin.Common;
import flyteidl.admin.LaunchPlanOuterClass;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanClosure;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanMetadata;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Interface.Parameter;
import flyteidl.core.Interface.ParameterMap;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a workflow is launched: its default and fixed inputs, an optional {@link Schedule}, labels,
 * annotations, where raw data goes, how many nodes may run at once. Every workflow has a default launch plan
 * ({@link Workflow#defaultLaunchPlan()}, named after it, nothing fixed); named ones come from {@link #builder}.
 * Hold named launch plans in {@code public static final} fields so the CLI finds them. Serializes to
 * {@code admin.LaunchPlan} as flytekit's {@code get_serializable_launch_plan}.
 */
public final class LaunchPlan extends TrackedInstance {
  private final String name;
  private final Workflow workflow;
  private final Map<String, Object> defaultInputs;
  private final Map<String, Object> fixedInputs;
  private final Schedule schedule;
  private final Map<String, String> labels;
  private final Map<String, String> annotations;
  private final String rawOutputPrefix;
  private final int maxParallelism;
  private final SecurityContext securityContext;
  private final boolean overwriteCache;
  private volatile boolean checked;

  private LaunchPlan(Builder b) {
    this.name = b.name;
    this.workflow = b.workflow;
    this.defaultInputs = Collections.unmodifiableMap(new LinkedHashMap<>(b.defaultInputs));
    this.fixedInputs = Collections.unmodifiableMap(new LinkedHashMap<>(b.fixedInputs));
    this.schedule = b.schedule;
    this.labels = Map.copyOf(b.labels);
    this.annotations = Map.copyOf(b.annotations);
    this.rawOutputPrefix = b.rawOutputPrefix;
    this.maxParallelism = b.maxParallelism;
    this.securityContext = b.securityContext;
    this.overwriteCache = b.overwriteCache;
  }

  /** A named launch plan of {@code workflow}. */
  public static Builder builder(String name, Workflow workflow) {
    if (name == null || name.isBlank()) {
      throw new FlyteValidationException("A named launch plan needs a name; the default one is "
          + "workflow.defaultLaunchPlan()");
    }
    return new Builder(name, Objects.requireNonNull(workflow, "workflow"));
  }

  static LaunchPlan createDefault(Workflow workflow) {
    return new Builder(null, workflow).build();
  }

  /** The launch plan's name; the default launch plan is named after its workflow. */
  public String name() {
    return name != null ? name : workflow.name();
  }

  /** Whether this is its workflow's default launch plan. */
  public boolean isDefault() {
    return name == null;
  }

  public Workflow workflow() {
    return workflow;
  }

  /** Inputs a launch cannot change. */
  public Map<String, Object> fixedInputs() {
    return fixedInputs;
  }

  /** Defaults of the launch plan itself (the workflow's own defaults apply beneath them). */
  public Map<String, Object> defaultInputs() {
    return defaultInputs;
  }

  /** The workflow's defaults overridden by this launch plan's. */
  public Map<String, Object> defaultInputValues() {
    check();
    Map<String, Object> out = new LinkedHashMap<>(workflow.defaultInputs());
    out.putAll(defaultInputs);
    fixedInputs.keySet().forEach(out::remove);
    return out;
  }

  public Optional<Schedule> schedule() {
    return Optional.ofNullable(schedule);
  }

  /** Limit of nodes running at once (0 = the platform's default). */
  public int maxParallelism() {
    return maxParallelism;
  }

  /** Runs the workflow here with this launch plan's fixed and default inputs under {@code inputs}. */
  public Map<String, Object> run(Map<String, ?> inputs) {
    return WorkflowExecutor.inProcess().run(this, inputs);
  }

  /** The inputs a launch runs with: defaults, then {@code given}, then fixed ones (which cannot be given). */
  Map<String, Object> launchInputs(Map<String, ?> given) {
    check();
    for (String k : given.keySet()) {
      if (fixedInputs.containsKey(k)) {
        throw new FlyteValidationException("Launch plan '" + name() + "' fixes input '" + k
            + "'; it cannot be given at launch");
      }
    }
    Map<String, Object> out = new LinkedHashMap<>(defaultInputValues());
    out.putAll(given);
    out.putAll(fixedInputs);
    return out;
  }

  /** The {@code admin.LaunchPlan} ({@code <index>_<name>_3.pb} in a package). */
  public LaunchPlanOuterClass.LaunchPlan toLaunchPlan(SerializationSettings settings) {
    check();
    Workflow.Compiled c = workflow.compiled();
    Map<String, Object> defaults = defaultInputValues();
    ParameterMap.Builder params = ParameterMap.newBuilder();
    LiteralMap.Builder fixed = LiteralMap.newBuilder();
    for (Map.Entry<String, WorkflowBuilder.WorkflowInput> e : c.inputs().entrySet()) {
      String k = e.getKey();
      WorkflowBuilder.WorkflowInput in = e.getValue();
      if (fixedInputs.containsKey(k)) {
        fixed.putLiterals(k, literal(k, fixedInputs.get(k), in));
        continue;
      }
      Parameter.Builder p = Parameter.newBuilder().setVar(Variable.newBuilder().setType(in.literalType())
          .setDescription(k));
      if (defaults.containsKey(k) && defaults.get(k) != null) {
        p.setDefault(literal(k, defaults.get(k), in));
      } else if (isOptional(in.literalType())) {
        p.setDefault(Literal.newBuilder().setScalar(Scalar.newBuilder()
            .setNoneType(flyteidl.core.Literals.Void.getDefaultInstance())));
      } else {
        p.setRequired(true);
      }
      params.putParameters(k, p.build());
    }
    LaunchPlanMetadata.Builder metadata = LaunchPlanMetadata.newBuilder();
    if (schedule != null) {
      metadata.setSchedule(schedule.toIdl());
    }
    LaunchPlanSpec.Builder spec = LaunchPlanSpec.newBuilder()
        .setWorkflowId(WorkflowSerializer.id(ResourceType.WORKFLOW, settings, workflow.name()))
        .setEntityMetadata(metadata)
        .setDefaultInputs(params)
        .setFixedInputs(fixed)
        .setLabels(Common.Labels.newBuilder().putAllValues(labels))
        .setAnnotations(Common.Annotations.newBuilder().putAllValues(annotations))
        .setRawOutputDataConfig(Common.RawOutputDataConfig.newBuilder()
            .setOutputLocationPrefix(rawOutputPrefix == null ? "" : rawOutputPrefix))
        .setMaxParallelism(maxParallelism)
        .setOverwriteCache(overwriteCache);
    if (securityContext != null) {
      securityContext.toIdl().ifPresent(spec::setSecurityContext);
    }
    return LaunchPlanOuterClass.LaunchPlan.newBuilder()
        .setId(WorkflowSerializer.id(ResourceType.LAUNCH_PLAN, settings, name()))
        .setSpec(spec)
        .setClosure(LaunchPlanClosure.newBuilder().setExpectedInputs(ParameterMap.getDefaultInstance())
            .setExpectedOutputs(VariableMap.getDefaultInstance()))
        .build();
  }

  private Literal literal(String input, Object value, WorkflowBuilder.WorkflowInput in) {
    try {
      return TypeEngine.get().toLiteral(FlyteContextManager.current(), value, in.javaType(), in.literalType());
    } catch (RuntimeException e) {
      throw new FlyteValidationException("Launch plan '" + name() + "': input '" + input + "' expects "
          + TypeCompat.describe(in.literalType()) + "; " + value + " does not fit: " + e.getMessage(), e);
    }
  }

  private void check() {
    if (checked) {
      return;
    }
    Map<String, WorkflowBuilder.WorkflowInput> inputs = workflow.compiled().inputs();
    for (Map<String, Object> m : java.util.List.of(defaultInputs, fixedInputs)) {
      for (String k : m.keySet()) {
        if (!inputs.containsKey(k)) {
          throw new FlyteValidationException("Launch plan '" + name() + "': workflow '" + workflow.name()
              + "' has no input '" + k + "'; its inputs are " + inputs.keySet());
        }
      }
    }
    if (schedule != null && schedule.kickoffTimeInputArg().isPresent()) {
      String arg = schedule.kickoffTimeInputArg().get();
      WorkflowBuilder.WorkflowInput in = inputs.get(arg);
      if (in == null || !in.literalType().hasSimple() || in.literalType().getSimple() != SimpleType.DATETIME) {
        throw new FlyteValidationException("Launch plan '" + name() + "': the schedule's kickoff time input '" + arg
            + "' must be a datetime (Instant) input of workflow '" + workflow.name() + "'");
      }
    }
    checked = true;
  }

  private static boolean isOptional(LiteralType lt) {
    return lt.hasUnionType() && lt.getUnionType().getVariantsList().stream()
        .anyMatch(v -> v.hasSimple() && v.getSimple() == SimpleType.NONE);
  }

  @Override
  public String toString() {
    return "LaunchPlan(" + (name != null ? name : "default of " + workflow) + ")";
  }

  /** Builds a named {@link LaunchPlan}. */
  public static final class Builder {
    private final String name;
    private final Workflow workflow;
    private final Map<String, Object> defaultInputs = new LinkedHashMap<>();
    private final Map<String, Object> fixedInputs = new LinkedHashMap<>();
    private Schedule schedule;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, String> annotations = new LinkedHashMap<>();
    private String rawOutputPrefix;
    private int maxParallelism;
    private SecurityContext securityContext;
    private boolean overwriteCache;

    private Builder(String name, Workflow workflow) {
      this.name = name;
      this.workflow = workflow;
    }

    /** A default for input {@code input}; a launch may change it. */
    public Builder defaultInput(String input, Object value) {
      defaultInputs.put(input, value);
      return this;
    }

    /** A fixed value for input {@code input}; a launch cannot change it. */
    public Builder fixedInput(String input, Object value) {
      fixedInputs.put(input, value);
      return this;
    }

    public Builder schedule(Schedule v) {
      schedule = v;
      return this;
    }

    public Builder label(String key, String value) {
      labels.put(key, value);
      return this;
    }

    public Builder annotation(String key, String value) {
      annotations.put(key, value);
      return this;
    }

    /** Where executions of this launch plan write raw data (files, datasets), e.g. {@code s3://bucket/raw}. */
    public Builder rawOutputPrefix(String v) {
      rawOutputPrefix = v;
      return this;
    }

    /** The most nodes that may run at once (0 = the platform's default). */
    public Builder maxParallelism(int v) {
      if (v < 0) {
        throw new FlyteValidationException("maxParallelism must be 0 or more, got " + v);
      }
      maxParallelism = v;
      return this;
    }

    public Builder securityContext(SecurityContext v) {
      securityContext = v;
      return this;
    }

    public Builder overwriteCache(boolean v) {
      overwriteCache = v;
      return this;
    }

    public LaunchPlan build() {
      for (String k : fixedInputs.keySet()) {
        if (defaultInputs.containsKey(k)) {
          throw new FlyteValidationException("Launch plan '" + name + "': input '" + k
              + "' is both fixed and defaulted; keep one");
        }
      }
      return new LaunchPlan(this);
    }
  }
}
