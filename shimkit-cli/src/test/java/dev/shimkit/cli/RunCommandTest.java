package dev.shimkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RunCommandTest {
  private static final String TASKS = "dev.shimkit.cli.fixtures.pyref.PyrefTasks";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode outputs(CliRunner.Result r) throws Exception {
    assertThat(r.code()).as(r.toString()).isZero();
    return JSON.readTree(r.out());
  }

  @Test
  void runsAJavaTaskWithTypedInputs() throws Exception {
    assertThat(outputs(CliRunner.run("run", TASKS + ".ADD_ONE", "--x", "41")).get("o0").asLong()).isEqualTo(42);
    assertThat(outputs(CliRunner.run("run", TASKS + ".ADD_ONE", "--x=-5")).get("o0").asLong()).isEqualTo(-4);
  }

  @Test
  void structuredInputsAreJson() throws Exception {
    JsonNode out = outputs(CliRunner.run("run", TASKS + ".STATS", "--values", "[3, 1, 2]", "--label", "abc"));
    assertThat(out.get("count").asLong()).isEqualTo(3);
    assertThat(out.get("mean").asDouble()).isEqualTo(2.0);
    assertThat(out.get("label").asText()).isEqualTo("abc");
  }

  @Test
  void runsACustomizedContainerTaskThroughItsExecutor() throws Exception {
    JsonNode out = outputs(CliRunner.run("run", TASKS + ".HELLO", "--name", "Ada", "--times", "2"));
    assertThat(out.get("message").asText()).isEqualTo("Hello, Ada!Hello, Ada!");
  }

  @Test
  void localProcessBackendRunsTheTaskInAShimkitExecuteProcess() throws Exception {
    JsonNode out = outputs(CliRunner.run("run", "--backend", "local-process", TASKS + ".ADD_ONE", "--x", "99"));
    assertThat(out.get("o0").asLong()).isEqualTo(100);
  }

  @Test
  void taskFailuresInALocalProcessAreUserErrorsWithTheTaskMessage() {
    CliRunner.Result r = CliRunner.run("run", "--backend", "local-process", TASKS + ".FAILING", "--x", "3");
    assertThat(r.code()).isEqualTo(Shimkit.ERROR);
    assertThat(r.err()).contains("pyref_tasks.failing").contains("USER").contains("x must be below 3");
  }

  @Test
  void badInputsAreUsageErrorsNamingTheInput() {
    CliRunner.Result wrongType = CliRunner.run("run", TASKS + ".ADD_ONE", "--x", "forty");
    assertThat(wrongType.code()).isEqualTo(Shimkit.USAGE);
    assertThat(wrongType.err()).contains("--x").contains("'forty' is not a valid integer");
    CliRunner.Result unknown = CliRunner.run("run", TASKS + ".ADD_ONE", "--y", "1");
    assertThat(unknown.code()).isEqualTo(Shimkit.USAGE);
    assertThat(unknown.err()).contains("no input 'y'").contains("--x <integer>");
    CliRunner.Result missing = CliRunner.run("run", TASKS + ".HELLO", "--name", "Ada");
    assertThat(missing.code()).isEqualTo(Shimkit.USAGE);
    assertThat(missing.err()).contains("Missing input --times <integer>");
    CliRunner.Result badJson = CliRunner.run("run", TASKS + ".STATS", "--values", "[1,", "--label", "a");
    assertThat(badJson.code()).isEqualTo(Shimkit.USAGE);
    assertThat(badJson.err()).contains("--values").contains("not JSON");
  }

  @Test
  void taskCodeFailingInProcessAndUnknownLocationsAreErrors() {
    CliRunner.Result failing = CliRunner.run("run", TASKS + ".FAILING", "--x", "1");
    assertThat(failing.code()).isEqualTo(Shimkit.ERROR);
    assertThat(failing.err()).contains("x must be below 1");
    CliRunner.Result missing = CliRunner.run("run", TASKS + ".NOPE");
    assertThat(missing.code()).isEqualTo(Shimkit.ERROR);
    assertThat(missing.err()).contains("has no field 'NOPE'");
    CliRunner.Result notATask = CliRunner.run("run", "dev.shimkit.cli.fixtures.empty.NoTasks.NOT_A_TASK");
    assertThat(notATask.code()).isEqualTo(Shimkit.ERROR);
    assertThat(notATask.err()).contains("java.lang.String").contains("runs tasks");
  }
}
