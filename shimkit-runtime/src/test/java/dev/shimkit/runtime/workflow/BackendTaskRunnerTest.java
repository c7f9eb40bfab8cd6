package dev.shimkit.runtime.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.runtime.LocalBackendRunner;
import dev.shimkit.workflow.WorkflowExecutionException;
import dev.shimkit.workflow.WorkflowExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same workflow run in-process and with every task in its own shimkit-execute process. */
class BackendTaskRunnerTest {
  private static final SerializationSettings SETTINGS = SerializationSettings.forImage("ghcr.io/acme/app:1", "v1",
      "proj", "dev");

  private static WorkflowExecutor processBacked(Path tmp) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    LocalBackendRunner backend = LocalBackendRunner.builder().storageRoot(tmp.resolve("store").toString())
        .workDir(tmp.resolve("work")).executionName("exec1").env("FLYTE_INTERNAL_IMAGE", "ghcr.io/acme/app:1")
        .launcher(List.of(java, "-cp", System.getProperty("java.class.path"), "dev.shimkit.runtime.ShimkitExecute"))
        .build();
    return WorkflowExecutor.builder().taskRunner(new BackendTaskRunner(backend, SETTINGS)).parallelism(2).build();
  }

  @Test
  void processBackedRunGivesTheSameOutputsAsInProcess(@TempDir Path tmp) {
    Map<String, Object> inputs = Map.of("text", "Flyte runs flyte tasks; flyte!");
    Map<String, Object> inProcess = BackendWorkflowTasks.COUNT_AND_BRANCH.run(inputs);
    Map<String, Object> viaProcesses = processBacked(tmp).run(BackendWorkflowTasks.COUNT_AND_BRANCH, inputs);
    assertThat(inProcess).containsEntry("count", 3L).containsEntry("label", "many:4");
    assertThat(viaProcesses).isEqualTo(inProcess);
    // every task node really ran through shimkit-execute: its outputs.pb lies under the node's data dir
    Path exec = tmp.resolve("store").resolve("exec1");
    assertThat(exec.resolve("n0/data/0/outputs.pb")).exists();
    assertThat(exec.resolve("n0/data/task.pb")).exists();
    assertThat(exec.resolve("n1/data/inputs.pb")).exists();
    assertThat(exec.resolve("n2-n0/data/0/outputs.pb")).exists();
    assertThat(processBacked(tmp.resolve("few")).run(BackendWorkflowTasks.COUNT_AND_BRANCH,
        Map.of("text", "no match here"))).containsEntry("label", "few:0");
  }

  @Test
  void recoverableFailuresInTheProcessAreRetriedAsNewAttempts(@TempDir Path tmp) throws Exception {
    long x = ProcessHandle.current().pid();
    Files.deleteIfExists(Path.of(System.getProperty("java.io.tmpdir"), "shimkit-flaky-" + x));
    assertThat(processBacked(tmp).run(BackendWorkflowTasks.FLAKY_WF, Map.of("x", x))).containsEntry("o", x);
    Path node = tmp.resolve("store/exec1/n0/data");
    assertThat(node.resolve("0/error.pb")).exists();
    assertThat(node.resolve("1/outputs.pb")).exists();
  }

  @Test
  void failureInTheProcessNamesTheNodeAndKeepsFinishedOutputs(@TempDir Path tmp) throws Exception {
    Path marker = Path.of(System.getProperty("java.io.tmpdir"), "shimkit-flaky-1");
    Files.deleteIfExists(marker);
    Throwable t = catchThrowable(() -> processBacked(tmp).run(BackendWorkflowTasks.COUNT_AND_BRANCH,
        Map.of("text", 42L)));
    assertThat(t).isInstanceOf(dev.shimkit.errors.FlyteException.class);
    dev.shimkit.workflow.Workflow wf = dev.shimkit.workflow.Workflow.define("backend.fails", b -> {
      var count = b.call(BackendWorkflowTasks.COUNT_FLYTE, Map.of("text", "flyte")).output("count", Long.class);
      b.call(BackendWorkflowTasks.LABEL, Map.of("n", count, "prefix", "p"));
      b.output("o", b.call(BackendWorkflowTasks.FLAKY, in -> in.set(BackendWorkflowTasks.AddIn::x).to(count))
          .withRetries(0).output());
    });
    WorkflowExecutionException e = (WorkflowExecutionException) catchThrowable(() -> processBacked(tmp)
        .run(wf, Map.of()));
    Files.deleteIfExists(marker);
    assertThat(e).isNotNull();
    assertThat(e.failedNodeId()).isEqualTo("n2");
    assertThat(e.errorCode()).isEqualTo("USER:Recoverable");
    assertThat(e.getMessage()).contains("first attempt fails");
    assertThat(e.completedNodeOutputs()).containsKeys("n0", "n1");
    assertThat(e.completedNodeOutputs().get("n0")).containsEntry("count", 1L);
  }
}
