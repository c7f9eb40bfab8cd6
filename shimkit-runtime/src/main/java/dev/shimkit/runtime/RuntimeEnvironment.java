package dev.shimkit.runtime;

import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the backend tells a task container through environment variables (flytekit's {@code setup_execution}).
 * Each value reads the long {@code FLYTE_INTERNAL_*} name first and falls back to flytekit's short alias
 * ({@code _F_PRJ}, ...); a missing value is {@code ""}, as in flytekit. Propeller sets only the long names; the
 * aliases are kept for containers started by other tools.
 *
 * @param serializedContext {@code _F_SS_C}, the transported serialization settings, undecoded
 * @param failOnError {@code FLYTE_FAIL_ON_ERROR} read like Python's {@code str2bool}
 * @param distributedErrorStrategy {@code FLYTE_INTERNAL_DIST_ERROR_STRATEGY}/{@code _F_DES}; non-empty means
 *     each worker writes its own uniquely named error file
 * @param workerName {@code FLYTE_INTERNAL_WORKER_NAME}/{@code _F_WN}
 * @param attemptNumber {@code FLYTE_ATTEMPT_NUMBER}, raw
 */
public record RuntimeEnvironment(
    String executionProject,
    String executionDomain,
    String executionName,
    String executionWorkflow,
    String executionLaunchPlan,
    String taskProject,
    String taskDomain,
    String taskName,
    String taskVersion,
    String serializedContext,
    boolean failOnError,
    String distributedErrorStrategy,
    String workerName,
    String attemptNumber) {

  public static final String FAIL_ON_ERROR = "FLYTE_FAIL_ON_ERROR";
  public static final String SERIALIZED_CONTEXT = "_F_SS_C";
  public static final String ATTEMPT_NUMBER = "FLYTE_ATTEMPT_NUMBER";

  private static final Set<String> TRUE_WORDS = Set.of("true", "1", "yes", "t", "y", "on");

  /** Reads the environment of this process. */
  public static RuntimeEnvironment fromSystem() {
    return from(System.getenv());
  }

  /** Reads {@code env} (a process environment, or a map a test or the local runner made up). */
  public static RuntimeEnvironment from(Map<String, String> env) {
    return new RuntimeEnvironment(
        oneOf(env, "FLYTE_INTERNAL_EXECUTION_PROJECT", "_F_PRJ"),
        oneOf(env, "FLYTE_INTERNAL_EXECUTION_DOMAIN", "_F_DM"),
        oneOf(env, "FLYTE_INTERNAL_EXECUTION_ID", "_F_NM"),
        oneOf(env, "FLYTE_INTERNAL_EXECUTION_WORKFLOW", "_F_WF"),
        oneOf(env, "FLYTE_INTERNAL_EXECUTION_LAUNCHPLAN", "_F_LP"),
        oneOf(env, "FLYTE_INTERNAL_TASK_PROJECT", "_F_TK_PRJ"),
        oneOf(env, "FLYTE_INTERNAL_TASK_DOMAIN", "_F_TK_DM"),
        oneOf(env, "FLYTE_INTERNAL_TASK_NAME", "_F_TK_NM"),
        oneOf(env, "FLYTE_INTERNAL_TASK_VERSION", "_F_TK_V"),
        env.getOrDefault(SERIALIZED_CONTEXT, ""),
        str2bool(env.get(FAIL_ON_ERROR)),
        oneOf(env, "FLYTE_INTERNAL_DIST_ERROR_STRATEGY", "_F_DES"),
        oneOf(env, "FLYTE_INTERNAL_WORKER_NAME", "_F_WN"),
        env.getOrDefault(ATTEMPT_NUMBER, ""));
  }

  /**
   * Python's {@code distutils.util.strtobool} truth as flytekit's {@code str2bool} uses it: {@code true, 1,
   * yes, t, y, on} (any case, surrounding blanks ignored) are true; anything else, or absent, is false.
   */
  public static boolean str2bool(String value) {
    return value != null && TRUE_WORDS.contains(value.strip().toLowerCase(Locale.ROOT));
  }

  /** The workflow execution this container runs for. */
  public WorkflowExecutionIdentifier executionId() {
    return WorkflowExecutionIdentifier.newBuilder()
        .setProject(executionProject).setDomain(executionDomain).setName(executionName).build();
  }

  /** The registered task this container runs. */
  public Identifier taskId() {
    return Identifier.newBuilder().setResourceType(ResourceType.TASK)
        .setProject(taskProject).setDomain(taskDomain).setName(taskName).setVersion(taskVersion).build();
  }

  /** Whether the distributed error strategy is on (error file name randomized, worker name reported). */
  public boolean isDistributedErrorStrategy() {
    return !distributedErrorStrategy.isEmpty();
  }

  /** The {@code ContainerError.worker} value: the worker name under the distributed strategy, else "". */
  public String errorWorker() {
    return isDistributedErrorStrategy() ? workerName : "";
  }

  private static String oneOf(Map<String, String> env, String longName, String shortName) {
    String value = env.get(longName);
    if (value != null) {
      return value;
    }
    return env.getOrDefault(shortName, "");
  }
}
