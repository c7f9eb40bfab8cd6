package dev.shimkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.runtime.testing.RuntimeTasks;
import dev.shimkit.runtime.testing.TaskRuns;
import dev.shimkit.task.Task;
import dev.shimkit.types.FlyteFile;
import dev.shimkit.types.TypeEngine;
import flyteidl.core.Errors.ContainerError;
import flyteidl.core.Errors.ErrorDocument;
import flyteidl.core.Execution.ExecutionError;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** shimkit-execute called directly (in this JVM), with the exact flags Flyte's backend passes. */
class ShimkitExecuteTest {
  private static final Path GOLDEN = Path.of(System.getProperty("shimkit.repo.root", "."))
      .resolve("../shared/golden/flytekit-1.15.4").normalize();

  @TempDir
  Path dir;
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  private int execute(Map<String, String> env, String... args) {
    return new ShimkitExecute(env, new PrintStream(stderr, true, StandardCharsets.UTF_8)).run(args);
  }

  private int executeJavaTask(Task task, Path inputs, Path out, Map<String, String> env) {
    List<String> args = new ArrayList<>(List.of("--inputs", inputs.toString(), "--output-prefix", out.toString(),
        "--raw-output-data-prefix", dir.resolve("raw").toString(), "--checkpoint-path", "{{.checkpointOutputPrefix}}",
        "--prev-checkpoint", "\"\"", "--resolver", "dev.shimkit.resolve.DefaultTaskResolver.INSTANCE", "--"));
    args.addAll(List.of("task-module", RuntimeTasks.class.getName(), "task-name", task.lhs()));
    return execute(env, args.toArray(String[]::new));
  }

  private Path inputsFile(Task task, Map<String, ?> values) {
    return TaskRuns.write(dir.resolve("in/inputs.pb"), TaskRuns.literals(task, values).toByteArray());
  }

  @Test
  void readsFlytekitsInputsAndWritesTheOutputsFlytekitWrote() throws Exception {
    Path out = dir.resolve("out");
    int code = executeJavaTask(RuntimeTasks.ADD_ONE, GOLDEN.resolve("exec_add_one/inputs.pb"), out, Map.of());
    assertThat(code).isZero();
    assertThat(Files.readAllBytes(out.resolve("outputs.pb")))
        .isEqualTo(Files.readAllBytes(GOLDEN.resolve("exec_add_one/outputs.pb")));
    assertThat(out.resolve("error.pb")).doesNotExist();
  }

  @Test
  void runsATemplateTaskFromItsTemplateFile() {
    Path template = TaskRuns.write(dir.resolve("data/task.pb"),
        RuntimeTasks.UPPER.serializeToModel(TaskRuns.SETTINGS).toByteArray());
    Path inputs = inputsFile(RuntimeTasks.UPPER, Map.of("text", "héllo"));
    Path out = dir.resolve("out");
    List<String> args = RuntimeTasks.UPPER.serializeToModel(TaskRuns.SETTINGS).getContainer().getArgsList();
    int code = execute(Map.of(), "--inputs", inputs.toString(), "--output-prefix", out.toString(),
        "--raw-output-data-prefix", "{{.rawOutputDataPrefix}}", "--resolver", args.get(8), "--", template.toUri().toString(),
        args.get(11));
    assertThat(code).as(stderr.toString()).isZero();
    assertThat(TaskRuns.readOutputs(out).getLiteralsOrThrow("result").getScalar().getPrimitive().getStringValue())
        .isEqualTo(">> HÉLLO");
  }

  @Test
  void fileOutputsAreUploadedUnderTheRawOutputPrefix() throws Exception {
    Path out = dir.resolve("out");
    int code = executeJavaTask(RuntimeTasks.WRITE_REPORT, inputsFile(RuntimeTasks.WRITE_REPORT, Map.of("text", "abc")),
        out, Map.of());
    assertThat(code).as(stderr.toString()).isZero();
    LiteralMap outputs = TaskRuns.readOutputs(out);
    String uri = outputs.getLiteralsOrThrow("file").getScalar().getBlob().getUri();
    assertThat(uri).startsWith(dir.resolve("raw").toString());
    FlyteFile file = TypeEngine.get().toJava(FlyteContextManager.current(), outputs.getLiteralsOrThrow("file"), FlyteFile.class);
    assertThat(Files.readString(file.download())).isEqualTo("ABC");
    assertThat(outputs.getLiteralsOrThrow("length").getScalar().getPrimitive().getInteger()).isEqualTo(3);
  }

  @Test
  void everyFailureClassLeavesOnlyAnErrorDocument() {
    record Case(Task task, Map<String, ?> inputs, String code, ContainerError.Kind kind, ExecutionError.ErrorKind origin) {
    }
    List<Case> cases = List.of(
        new Case(RuntimeTasks.USER_FAILURE, Map.of("x", 1L), "USER:RuntimeError", ContainerError.Kind.NON_RECOVERABLE,
            ExecutionError.ErrorKind.USER),
        new Case(RuntimeTasks.FLAKY, Map.of("x", 1L), "USER:Recoverable", ContainerError.Kind.RECOVERABLE,
            ExecutionError.ErrorKind.USER),
        new Case(RuntimeTasks.STORAGE_FAILURE, Map.of("x", 1L), "SYSTEM:DownloadDataError", ContainerError.Kind.RECOVERABLE,
            ExecutionError.ErrorKind.SYSTEM),
        new Case(RuntimeTasks.BAD_OUTPUT, Map.of("x", 1L), "SYSTEM", ContainerError.Kind.NON_RECOVERABLE,
            ExecutionError.ErrorKind.SYSTEM));
    for (Case c : cases) {
      Path out = dir.resolve("out-" + c.task().lhs());
      int code = executeJavaTask(c.task(), inputsFile(c.task(), c.inputs()), out, Map.of("FLYTE_ATTEMPT_NUMBER", "0"));
      assertThat(code).as(c.task().name()).isZero();
      assertThat(out.resolve("outputs.pb")).as(c.task().name()).doesNotExist();
      ContainerError error = TaskRuns.readError(out).getError();
      assertThat(error.getCode()).as(c.task().name()).isEqualTo(c.code());
      assertThat(error.getKind()).as(c.task().name()).isEqualTo(c.kind());
      assertThat(error.getOrigin()).as(c.task().name()).isEqualTo(c.origin());
      assertThat(error.getMessage()).as(c.task().name()).contains(c.task().name());
      assertThat(error.hasTimestamp()).isTrue();
    }
  }

  @Test
  void loadFailuresAreUserErrors() {
    Path out = dir.resolve("out");
    Path inputs = inputsFile(RuntimeTasks.ADD_ONE, Map.of("x", 1L));
    int code = execute(Map.of(), "--inputs", inputs.toString(), "--output-prefix", out.toString(), "--resolver",
        "dev.shimkit.resolve.DefaultTaskResolver.INSTANCE", "--", "task-module", "com.acme.Missing", "task-name", "T");
    assertThat(code).isZero();
    ContainerError error = TaskRuns.readError(out).getError();
    assertThat(error.getOrigin()).isEqualTo(ExecutionError.ErrorKind.USER);
    assertThat(error.getKind()).isEqualTo(ContainerError.Kind.NON_RECOVERABLE);
    assertThat(error.getMessage()).contains("com.acme.Missing");

    Path out2 = dir.resolve("out2");
    execute(Map.of(), "--inputs", inputs.toString(), "--output-prefix", out2.toString(), "--resolver",
        "com.acme.Resolvers.DEFAULT", "--", "a");
    assertThat(TaskRuns.readError(out2).getError().getOrigin()).isEqualTo(ExecutionError.ErrorKind.USER);
  }

  @Test
  void inputProblemsAreSystemErrors() {
    Path missing = dir.resolve("out-missing");
    executeJavaTask(RuntimeTasks.ADD_ONE, dir.resolve("nowhere/inputs.pb"), missing, Map.of());
    ContainerError notFound = TaskRuns.readError(missing).getError();
    assertThat(notFound.getOrigin()).isEqualTo(ExecutionError.ErrorKind.SYSTEM);
    assertThat(notFound.getMessage()).contains("nowhere");

    LiteralMap wrongType = LiteralMap.newBuilder().putLiterals("x", Literal.newBuilder().setScalar(Scalar.newBuilder()
        .setPrimitive(Primitive.newBuilder().setStringValue("forty-one"))).build()).build();
    Path out = dir.resolve("out-type");
    executeJavaTask(RuntimeTasks.ADD_ONE, TaskRuns.write(dir.resolve("bad/inputs.pb"), wrongType.toByteArray()), out, Map.of());
    ContainerError error = TaskRuns.readError(out).getError();
    assertThat(error.getOrigin()).isEqualTo(ExecutionError.ErrorKind.SYSTEM);
    assertThat(error.getKind()).isEqualTo(ContainerError.Kind.NON_RECOVERABLE);
    assertThat(out.resolve("outputs.pb")).doesNotExist();
  }

  @Test
  void failOnErrorTurnsAnErrorDocumentIntoExitCodeOne() {
    Path out = dir.resolve("out");
    int code = executeJavaTask(RuntimeTasks.USER_FAILURE, inputsFile(RuntimeTasks.USER_FAILURE, Map.of("x", 1L)), out,
        Map.of("FLYTE_FAIL_ON_ERROR", "true"));
    assertThat(code).isEqualTo(1);
    assertThat(out.resolve("error.pb")).exists();
  }

  @Test
  void distributedErrorsGetUniqueNamesAndTheWorker() throws Exception {
    Path out = dir.resolve("out");
    executeJavaTask(RuntimeTasks.USER_FAILURE, inputsFile(RuntimeTasks.USER_FAILURE, Map.of("x", 1L)), out,
        Map.of("FLYTE_INTERNAL_DIST_ERROR_STRATEGY", "Earliest", "FLYTE_INTERNAL_WORKER_NAME", "worker-3"));
    try (var files = Files.list(out)) {
      List<Path> written = files.toList();
      assertThat(written).hasSize(1);
      assertThat(written.get(0).getFileName().toString()).matches("error-[0-9a-f]{32}\\.pb");
      assertThat(ErrorDocument.parseFrom(Files.readAllBytes(written.get(0))).getError().getWorker()).isEqualTo("worker-3");
    }
  }

  @Test
  void secretValuesNeverReachTheErrorDocument() throws Exception {
    String password = "pa55-w0rd-7c1e";
    Path out = dir.resolve("out");
    Map<String, String> env = new HashMap<>(Map.of("_FSEC_DB_PASSWORD", password));
    executeJavaTask(RuntimeTasks.SECRET_LEAK, inputsFile(RuntimeTasks.SECRET_LEAK, Map.of("x", 1L)), out, env);
    byte[] doc = Files.readAllBytes(out.resolve("error.pb"));
    assertThat(new String(doc, StandardCharsets.ISO_8859_1)).doesNotContain(password).contains("login refused");
    assertThat(stderr.toString()).doesNotContain(password);
  }

  @Test
  void decksAreWrittenBesideTheOutputsWhenEnabled() throws Exception {
    Path out = dir.resolve("out");
    assertThat(executeJavaTask(RuntimeTasks.WITH_DECK, inputsFile(RuntimeTasks.WITH_DECK, Map.of("x", 7L)), out, Map.of()))
        .isZero();
    assertThat(Files.readString(out.resolve("deck.html"))).contains("<h2>summary</h2>").contains("<p>x was 7</p>");
    Path plain = dir.resolve("plain");
    executeJavaTask(RuntimeTasks.ADD_ONE, inputsFile(RuntimeTasks.ADD_ONE, Map.of("x", 7L)), plain, Map.of());
    assertThat(plain.resolve("deck.html")).doesNotExist();
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(execute(Map.of(), "--output-prefix", "x")).isEqualTo(ExitCodes.USAGE);
    assertThat(stderr.toString()).contains("--inputs");
  }

  @Test
  void whenNotEvenTheErrorDocumentCanBeWrittenItSaysSoAndExitsThree() throws Exception {
    Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a directory");
    int code = executeJavaTask(RuntimeTasks.USER_FAILURE, inputsFile(RuntimeTasks.USER_FAILURE, Map.of("x", 1L)),
        blocker.resolve("out"), Map.of());
    assertThat(code).isEqualTo(ExitCodes.ERROR_NOT_WRITTEN);
    assertThat(stderr.toString()).contains("error document could not be written");
    assertThat(Files.readString(blocker)).isEqualTo("a file, not a directory");
  }

  @Test
  void testFlagLoadsTheResolverOnly() {
    int code = execute(Map.of(), "--inputs", "nowhere", "--output-prefix", dir.resolve("o").toString(), "--test",
        "--resolver", "dev.shimkit.resolve.DefaultTaskResolver.INSTANCE", "--", "task-module", "x", "task-name", "y");
    assertThat(code).isZero();
    assertThat(dir.resolve("o")).doesNotExist();
  }
}
