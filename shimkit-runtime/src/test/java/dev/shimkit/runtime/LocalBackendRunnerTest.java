package dev.shimkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.runtime.testing.RuntimeTasks;
import dev.shimkit.runtime.testing.TaskRuns;
import dev.shimkit.s3.S3TestServer;
import dev.shimkit.storage.FileAccessProvider;
import dev.shimkit.task.Task;
import dev.shimkit.types.TypeEngine;
import flyteidl.core.Execution.ExecutionError;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local backend runner starts shimkit-execute as a process, as Flyte would, with storage on local disk and
 * on a real S3 API server; outputs equal those of the in-process run and of shimkit-execute called directly.
 */
class LocalBackendRunnerTest {
  private static S3TestServer s3;
  private static String bucket;

  @TempDir
  Path dir;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3TestServer.start();
    bucket = s3.createBucket("shimkit-runs");
  }

  @AfterAll
  static void stopS3() throws Exception {
    s3.close();
  }

  private LocalBackendRunner runner(String storageRoot) {
    return LocalBackendRunner.builder().storageRoot(storageRoot).workDir(dir.resolve("work"))
        .launcher(TaskRuns.javaLauncher()).environment(s3.environment())
        .persistence(new dev.shimkit.s3.S3DataPersistence(s3.settings())).build();
  }

  private LiteralMap viaRunner(String storageRoot, Task task, LiteralMap inputs) {
    TaskTemplate template = task.serializeToModel(TaskRuns.SETTINGS);
    TaskAttemptResult result = runner(storageRoot).run(template, inputs, "n0");
    assertThat(result).isInstanceOf(TaskAttemptResult.Succeeded.class);
    return ((TaskAttemptResult.Succeeded) result).outputs();
  }

  private LiteralMap viaDirectCall(Task task, LiteralMap inputs) {
    TaskTemplate template = task.serializeToModel(TaskRuns.SETTINGS);
    Path templateFile = TaskRuns.write(dir.resolve("direct/task.pb"), template.toByteArray());
    Path inputsFile = TaskRuns.write(dir.resolve("direct/inputs.pb"), inputs.toByteArray());
    List<String> args = new ArrayList<>();
    for (String arg : template.getContainer().getArgsList().subList(1, template.getContainer().getArgsCount())) {
      args.add(arg.replace("{{.input}}", inputsFile.toString()).replace("{{.outputPrefix}}", dir.resolve("direct/out").toString())
          .replace("{{.rawOutputDataPrefix}}", dir.resolve("direct/raw").toString())
          .replace("{{.taskTemplatePath}}", templateFile.toString())
          .replace("{{.checkpointOutputPrefix}}", dir.resolve("direct/cp").toString())
          .replace("{{.prevCheckpointPrefix}}", "\"\""));
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new ShimkitExecute(Map.of(), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args.toArray(String[]::new));
    assertThat(code).as(err.toString()).isZero();
    return TaskRuns.readOutputs(dir.resolve("direct/out"));
  }

  @Test
  void aJavaTaskGivesEqualOutputsThreeWaysOnLocalDiskAndS3() {
    LiteralMap inputs = TaskRuns.literals(RuntimeTasks.ADD_ONE, Map.of("x", 41L));
    LiteralMap inProcess = RuntimeTasks.ADD_ONE.sandboxExecute(FlyteContextManager.current(), inputs);
    assertThat(viaDirectCall(RuntimeTasks.ADD_ONE, inputs)).isEqualTo(inProcess);
    assertThat(viaRunner(dir.resolve("store").toString(), RuntimeTasks.ADD_ONE, inputs)).isEqualTo(inProcess);
    assertThat(viaRunner(bucket + "/java-task", RuntimeTasks.ADD_ONE, inputs)).isEqualTo(inProcess);
  }

  @Test
  void aTemplateTaskGivesEqualOutputsThreeWaysOnLocalDiskAndS3() {
    LiteralMap inputs = TaskRuns.literals(RuntimeTasks.UPPER, Map.of("text", "flyte"));
    LiteralMap inProcess = RuntimeTasks.UPPER.sandboxExecute(FlyteContextManager.current(), inputs);
    assertThat(TypeEngine.get().toJavaMap(FlyteContextManager.current(), inProcess, Map.of("result", String.class)))
        .containsEntry("result", ">> FLYTE");
    assertThat(viaDirectCall(RuntimeTasks.UPPER, inputs)).isEqualTo(inProcess);
    assertThat(viaRunner(dir.resolve("store").toString(), RuntimeTasks.UPPER, inputs)).isEqualTo(inProcess);
    assertThat(viaRunner(bucket + "/template-task", RuntimeTasks.UPPER, inputs)).isEqualTo(inProcess);
  }

  @Test
  void fileOutputsLandUnderTheAttemptsRawPrefixInS3() {
    LiteralMap inputs = TaskRuns.literals(RuntimeTasks.WRITE_REPORT, Map.of("text", "report"));
    LiteralMap outputs = viaRunner(bucket + "/files", RuntimeTasks.WRITE_REPORT, inputs);
    String uri = outputs.getLiteralsOrThrow("file").getScalar().getBlob().getUri();
    assertThat(uri).startsWith(bucket + "/files/raw/");
    FileAccessProvider files = new FileAccessProvider(dir.resolve("check"), bucket + "/x")
        .withPersistence(new dev.shimkit.s3.S3DataPersistence(s3.settings()));
    assertThat(new String(files.getBytes(uri), StandardCharsets.UTF_8)).isEqualTo("REPORT");
  }

  @Test
  void recoverableFailuresAreRetriedWithThePreviousCheckpoint() {
    TaskAttemptResult result = runner(dir.resolve("store").toString())
        .run(RuntimeTasks.FLAKY.serializeToModel(TaskRuns.SETTINGS), TaskRuns.literals(RuntimeTasks.FLAKY, Map.of("x", 4L)), "n1");
    assertThat(result).isInstanceOfSatisfying(TaskAttemptResult.Succeeded.class, ok -> {
      assertThat(ok.paths().attempt()).isEqualTo(1);
      assertThat(ok.outputs().getLiteralsOrThrow("o0").getScalar().getPrimitive().getInteger()).isEqualTo(40);
    });
  }

  @Test
  void userFailuresAreReportedAsTheBackendWouldAndNotRetried() {
    TaskAttemptResult result = runner(dir.resolve("store").toString()).run(
        RuntimeTasks.USER_FAILURE.serializeToModel(TaskRuns.SETTINGS),
        TaskRuns.literals(RuntimeTasks.USER_FAILURE, Map.of("x", -1L)), "n2");
    assertThat(result).isInstanceOfSatisfying(TaskAttemptResult.Failed.class, failed -> {
      assertThat(failed.retryable()).isFalse();
      assertThat(failed.error().getOrigin()).isEqualTo(ExecutionError.ErrorKind.USER);
      assertThat(failed.error().getMessage()).contains("x must be positive, got -1");
      assertThat(failed.paths().attempt()).isZero();
    });
  }
}
