package dev.shimkit.cli.internal;

import dev.shimkit.cli.EntityAdapter;
import dev.shimkit.cli.EntityKind;
import dev.shimkit.cli.RegistrableEntity;
import dev.shimkit.resolve.TrackedInstance;
import dev.shimkit.task.Task;
import dev.shimkit.workflow.LaunchPlan;
import dev.shimkit.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers a {@link Workflow} as its {@code admin.WorkflowSpec} plus its default launch plan, and a
 * {@link LaunchPlan} as an {@code admin.LaunchPlan}; with each, everything it needs that Flyte must know first:
 * the tasks it runs and the workflows of the launch plans it starts, wherever they are declared (as
 * {@code pyflyte package} does). Entities reached twice are registered once.
 */
public final class WorkflowEntityAdapter implements EntityAdapter {

  @Override
  public List<RegistrableEntity> adapt(TrackedInstance instance, String location) {
    List<RegistrableEntity> out = new ArrayList<>();
    if (instance instanceof Workflow workflow) {
      addWorkflow(workflow, location, out);
    } else if (instance instanceof LaunchPlan plan) {
      addWorkflow(plan.workflow(), locationOf(plan.workflow(), location), out);
      out.add(launchPlan(plan, location));
    }
    return out;
  }

  private static void addWorkflow(Workflow workflow, String location, List<RegistrableEntity> out) {
    for (Task task : workflow.tasks()) {
      out.add(TaskEntityAdapter.entity(task, locationOf(task, location)));
    }
    for (LaunchPlan launched : workflow.launchPlans()) {
      addWorkflow(launched.workflow(), locationOf(launched.workflow(), location), out);
      out.add(launchPlan(launched, locationOf(launched, location)));
    }
    out.add(RegistrableEntity.of(EntityKind.WORKFLOW, workflow.name(), location, workflow::toWorkflowSpec));
    out.add(launchPlan(workflow.defaultLaunchPlan(), location));
  }

  /** Where an entity reached through another one is declared; the referring entity's location otherwise. */
  private static String locationOf(TrackedInstance instance, String referrer) {
    return instance.hasLocation() ? instance.location() : referrer;
  }

  private static RegistrableEntity launchPlan(LaunchPlan plan, String location) {
    return RegistrableEntity.of(EntityKind.LAUNCH_PLAN, plan.name(), location, plan::toLaunchPlan);
  }
}
