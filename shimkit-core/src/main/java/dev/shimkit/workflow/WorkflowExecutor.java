package dev.shimkit.workflow;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.types.TypeEngine;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Runs workflows and launch plans locally: nodes in dependency order, independent nodes at the same time (at
 * most {@link #parallelism()}), branches evaluated, recoverable failures retried, outputs returned as Java
 * values. Each task attempt goes through the {@link TaskRunner} (in-process by default). A failure throws
 * {@link WorkflowExecutionException} naming the node, with the outputs of the nodes that finished.
 */
public final class WorkflowExecutor {
  /** Parallelism when none is set: four, or the number of processors when there are more. */
  public static final int DEFAULT_PARALLELISM = Math.max(4, Runtime.getRuntime().availableProcessors());

  private final TaskRunner runner;
  private final int parallelism;

  private WorkflowExecutor(TaskRunner runner, int parallelism) {
    this.runner = runner;
    this.parallelism = parallelism;
  }

  /** An executor running tasks in this process with {@link #DEFAULT_PARALLELISM}. */
  public static WorkflowExecutor inProcess() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public int parallelism() {
    return parallelism;
  }

  /** Runs {@code workflow} on Java inputs (defaults fill the missing ones); returns Java outputs. */
  public Map<String, Object> run(Workflow workflow, Map<String, ?> inputs) {
    FlyteContext ctx = FlyteContextManager.current();
    LiteralMap outputs = new LocalRun(workflow, runner, parallelism, ctx).execute(toLiterals(ctx, workflow, inputs));
    return toJava(ctx, workflow, outputs);
  }

  /** Runs {@code launchPlan}: its defaults, then {@code inputs}, then its fixed inputs; its parallelism limit. */
  public Map<String, Object> run(LaunchPlan launchPlan, Map<String, ?> inputs) {
    Map<String, Object> all = launchPlan.launchInputs(inputs);
    int limit = launchPlan.maxParallelism() > 0 ? Math.min(parallelism, launchPlan.maxParallelism()) : parallelism;
    return new WorkflowExecutor(runner, limit).run(launchPlan.workflow(), all);
  }

  /** Runs {@code workflow} on literal inputs (all of them given); returns literal outputs. */
  public LiteralMap execute(Workflow workflow, LiteralMap inputs) {
    return new LocalRun(workflow, runner, parallelism, FlyteContextManager.current()).execute(inputs);
  }

  private static LiteralMap toLiterals(FlyteContext ctx, Workflow workflow, Map<String, ?> given) {
    Map<String, WorkflowBuilder.WorkflowInput> declared = workflow.compiled().inputs();
    for (String k : given.keySet()) {
      if (!declared.containsKey(k)) {
        throw new FlyteValidationException("Workflow '" + workflow.name() + "' has no input '" + k
            + "'; its inputs are " + declared.keySet());
      }
    }
    LiteralMap.Builder b = LiteralMap.newBuilder();
    for (WorkflowBuilder.WorkflowInput in : declared.values()) {
      Object value;
      if (given.containsKey(in.name())) {
        value = given.get(in.name());
      } else if (in.hasDefault()) {
        value = in.defaultValue();
      } else if (in.literalType().hasUnionType()) {
        value = null;
      } else {
        throw new FlyteValidationException("Workflow '" + workflow.name() + "' is missing input '" + in.name()
            + "' (" + TypeCompat.describe(in.literalType()) + "); it has no default");
      }
      b.putLiterals(in.name(), TypeEngine.get().toLiteral(ctx, "input '" + in.name() + "' of workflow '"
          + workflow.name() + "'", value, in.javaType(), in.literalType()));
    }
    return b.build();
  }

  private static Map<String, Object> toJava(FlyteContext ctx, Workflow workflow, LiteralMap outputs) {
    Map<String, Object> out = new LinkedHashMap<>();
    workflow.compiled().outputs().forEach((name, o) -> {
      Literal l = outputs.getLiteralsOrThrow(name);
      Type t = o.javaType() != null ? o.javaType() : TypeEngine.get().guessJavaType(o.literalType());
      out.put(name, TypeEngine.get().toJava(ctx, "output '" + name + "'", l, t));
    });
    return out;
  }

  /** Builds a {@link WorkflowExecutor}. */
  public static final class Builder {
    private TaskRunner runner = TaskRunner.inProcess();
    private int parallelism = DEFAULT_PARALLELISM;

    private Builder() {
    }

    /** How each task attempt runs (in-process by default). */
    public Builder taskRunner(TaskRunner v) {
      runner = Objects.requireNonNull(v, "taskRunner");
      return this;
    }

    /** The most task attempts running at once (at least 1). */
    public Builder parallelism(int v) {
      if (v < 1) {
        throw new FlyteValidationException("parallelism must be at least 1, got " + v);
      }
      parallelism = v;
      return this;
    }

    public WorkflowExecutor build() {
      return new WorkflowExecutor(runner, parallelism);
    }
  }
}
