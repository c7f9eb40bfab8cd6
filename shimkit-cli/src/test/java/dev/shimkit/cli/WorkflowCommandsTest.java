package dev.shimkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workflows and launch plans through {@code shimkit serialize} and {@code shimkit run}. */
class WorkflowCommandsTest {
  @TempDir Path dir;

  @Test
  void serializeWritesTasksThenWorkflowThenLaunchPlansEachOnce() throws Exception {
    Path out = dir.resolve("out");
    CliRunner.Result r = CliRunner.run(Map.of(), dir, "serialize", "--pkgs", "dev.shimkit.cli.fixtures.flows",
        "-i", "ghcr.io/acme/app:1", "-o", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> names;
    try (Stream<Path> files = Files.list(out)) {
      names = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(names).containsExactly("0_pyref_tasks.add_one_1.pb", "1_pyref.hello_1.pb",
        "2_flows.add_two_and_greet_2.pb", "3_flows.add_two_and_greet_3.pb", "4_flows.nightly_3.pb");
    TaskSpec.parseFrom(Files.readAllBytes(out.resolve(names.get(0))));
    WorkflowSpec wf = WorkflowSpec.parseFrom(Files.readAllBytes(out.resolve(names.get(2))));
    assertThat(wf.getTemplate().getId().getName()).isEqualTo("flows.add_two_and_greet");
    assertThat(wf.getTemplate().getId().getProject()).isEmpty();
    LaunchPlan nightly = LaunchPlan.parseFrom(Files.readAllBytes(out.resolve(names.get(4))));
    assertThat(nightly.getSpec().getWorkflowId().getName()).isEqualTo("flows.add_two_and_greet");
    assertThat(nightly.getSpec().getEntityMetadata().getSchedule().getCronSchedule().getSchedule())
        .isEqualTo("0 2 * * *");
    assertThat(nightly.getSpec().getFixedInputs().getLiteralsMap()).containsKey("x");
  }

  @Test
  void runsAWorkflowInProcessAndALaunchPlanWithItsFixedInputs() throws Exception {
    CliRunner.Result wf = CliRunner.run(Map.of(), dir, "run", "dev.shimkit.cli.fixtures.flows.Flows.ADD_TWO_AND_GREET",
        "--x", "1");
    assertThat(wf.code()).as(wf.err()).isZero();
    JsonNode out = new ObjectMapper().readTree(wf.out());
    assertThat(out.get("total").asLong()).isEqualTo(3);
    assertThat(out.get("greeting").asText()).isEqualTo("Hello, flyte!");
    assertThat(out.get("size").asText()).isEqualTo("Hello, small!");

    CliRunner.Result lp = CliRunner.run(Map.of(), dir, "run", "dev.shimkit.cli.fixtures.flows.Flows.NIGHTLY");
    assertThat(lp.code()).as(lp.err()).isZero();
    JsonNode lpOut = new ObjectMapper().readTree(lp.out());
    assertThat(lpOut.get("total").asLong()).isEqualTo(42);
    assertThat(lpOut.get("size").asText()).isEqualTo("Hello, big!");
  }

  @Test
  void runsAWorkflowWithEveryTaskInItsOwnProcess() throws Exception {
    CliRunner.Result r = CliRunner.run(Map.of(), dir, "run", "--backend", "local-process",
        "dev.shimkit.cli.fixtures.flows.Flows.ADD_TWO_AND_GREET", "--x", "20");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode out = new ObjectMapper().readTree(r.out());
    assertThat(out.get("total").asLong()).isEqualTo(22);
    assertThat(out.get("size").asText()).isEqualTo("Hello, big!");
    assertThat(r.err()).contains("Task data and logs: ");
  }

  @Test
  void missingWorkflowInputsAreUsageErrors() {
    CliRunner.Result r = CliRunner.run(Map.of(), dir, "run", "dev.shimkit.cli.fixtures.flows.Flows.ADD_TWO_AND_GREET");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--x <").contains("flows.add_two_and_greet");
  }
}
