package dev.shimkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.core.IdentifierOuterClass.ResourceType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuntimeEnvironmentTest {

  @Test
  void readsLongNames() {
    Map<String, String> env = new HashMap<>();
    env.put("FLYTE_INTERNAL_EXECUTION_PROJECT", "flytesnacks");
    env.put("FLYTE_INTERNAL_EXECUTION_DOMAIN", "development");
    env.put("FLYTE_INTERNAL_EXECUTION_ID", "abc123");
    env.put("FLYTE_INTERNAL_EXECUTION_WORKFLOW", "wf.main");
    env.put("FLYTE_INTERNAL_EXECUTION_LAUNCHPLAN", "lp.main");
    env.put("FLYTE_INTERNAL_TASK_PROJECT", "tp");
    env.put("FLYTE_INTERNAL_TASK_DOMAIN", "td");
    env.put("FLYTE_INTERNAL_TASK_NAME", "pyref.sqlite_tracks");
    env.put("FLYTE_INTERNAL_TASK_VERSION", "v1");
    env.put("_F_SS_C", "H4sIAAAA");
    env.put("FLYTE_ATTEMPT_NUMBER", "2");
    RuntimeEnvironment e = RuntimeEnvironment.from(env);
    assertThat(e.executionId().getProject()).isEqualTo("flytesnacks");
    assertThat(e.executionId().getDomain()).isEqualTo("development");
    assertThat(e.executionId().getName()).isEqualTo("abc123");
    assertThat(e.executionWorkflow()).isEqualTo("wf.main");
    assertThat(e.executionLaunchPlan()).isEqualTo("lp.main");
    assertThat(e.taskId().getResourceType()).isEqualTo(ResourceType.TASK);
    assertThat(e.taskId().getProject()).isEqualTo("tp");
    assertThat(e.taskId().getDomain()).isEqualTo("td");
    assertThat(e.taskId().getName()).isEqualTo("pyref.sqlite_tracks");
    assertThat(e.taskId().getVersion()).isEqualTo("v1");
    assertThat(e.serializedContext()).isEqualTo("H4sIAAAA");
    assertThat(e.attemptNumber()).isEqualTo("2");
    assertThat(e.failOnError()).isFalse();
    assertThat(e.isDistributedErrorStrategy()).isFalse();
    assertThat(e.errorWorker()).isEmpty();
  }

  @Test
  void shortAliasesAreFallbacks() {
    Map<String, String> env = Map.of("_F_PRJ", "p", "_F_DM", "d", "_F_NM", "n", "_F_WF", "w", "_F_LP", "l",
        "_F_TK_PRJ", "tp", "_F_TK_DM", "td", "_F_TK_NM", "tn", "_F_TK_V", "tv", "_F_WN", "worker-1");
    RuntimeEnvironment e = RuntimeEnvironment.from(env);
    assertThat(e.executionId().getProject()).isEqualTo("p");
    assertThat(e.executionId().getDomain()).isEqualTo("d");
    assertThat(e.executionId().getName()).isEqualTo("n");
    assertThat(e.executionWorkflow()).isEqualTo("w");
    assertThat(e.executionLaunchPlan()).isEqualTo("l");
    assertThat(e.taskId().getName()).isEqualTo("tn");
    assertThat(e.taskId().getVersion()).isEqualTo("tv");
    assertThat(e.taskProject()).isEqualTo("tp");
    assertThat(e.taskDomain()).isEqualTo("td");
    assertThat(e.workerName()).isEqualTo("worker-1");
  }

  @Test
  void longNameWinsOverAlias() {
    RuntimeEnvironment e = RuntimeEnvironment.from(Map.of("FLYTE_INTERNAL_EXECUTION_PROJECT", "long", "_F_PRJ",
        "short", "FLYTE_INTERNAL_DIST_ERROR_STRATEGY", "", "_F_DES", "Earliest"));
    assertThat(e.executionProject()).isEqualTo("long");
    // a present-but-empty long name still wins, as in flytekit's get_one_of
    assertThat(e.distributedErrorStrategy()).isEmpty();
  }

  @Test
  void missingValuesAreEmpty() {
    RuntimeEnvironment e = RuntimeEnvironment.from(Map.of());
    assertThat(e.executionId().getName()).isEmpty();
    assertThat(e.taskId().getName()).isEmpty();
    assertThat(e.serializedContext()).isEmpty();
    assertThat(e.attemptNumber()).isEmpty();
  }

  @Test
  void distributedStrategyReportsWorker() {
    RuntimeEnvironment e = RuntimeEnvironment.from(Map.of("_F_DES", "Earliest", "FLYTE_INTERNAL_WORKER_NAME", "w-3"));
    assertThat(e.isDistributedErrorStrategy()).isTrue();
    assertThat(e.errorWorker()).isEqualTo("w-3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", "True", "1", "yes", "Y", "y", "t", "T", "on", "ON", " true "})
  void str2boolTrue(String value) {
    assertThat(RuntimeEnvironment.str2bool(value)).isTrue();
    assertThat(RuntimeEnvironment.from(Map.of("FLYTE_FAIL_ON_ERROR", value)).failOnError()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "0", "no", "off", "", "2", "truee", "nope"})
  void str2boolFalse(String value) {
    assertThat(RuntimeEnvironment.str2bool(value)).isFalse();
    assertThat(RuntimeEnvironment.from(Map.of("FLYTE_FAIL_ON_ERROR", value)).failOnError()).isFalse();
  }

  @Test
  void str2boolOfAbsentIsFalse() {
    assertThat(RuntimeEnvironment.str2bool(null)).isFalse();
  }
}
