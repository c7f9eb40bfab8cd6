package dev.shimkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shimkit.errors.FlyteDataException;
import dev.shimkit.errors.FlyteRecoverableException;
import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.FlyteTypeException;
import dev.shimkit.errors.FlyteUserException;
import flyteidl.core.Errors.ContainerError;
import flyteidl.core.Errors.ErrorDocument;
import flyteidl.core.Execution.ExecutionError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorDocumentsTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123456789Z");
  private static final RuntimeEnvironment PLAIN = RuntimeEnvironment.from(Map.of());
  private static final RuntimeEnvironment DISTRIBUTED =
      RuntimeEnvironment.from(Map.of("_F_DES", "Earliest", "_F_WN", "worker-7"));

  private static ErrorDocuments docs(RuntimeEnvironment env) {
    return new ErrorDocuments(env, new Redactor(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static ContainerError build(Throwable t, ExecutionPhase phase) {
    return docs(PLAIN).build(t, phase, "pyref.sqlite_tracks").getError();
  }

  private static void assertRow(ContainerError e, String code, ContainerError.Kind kind,
      ExecutionError.ErrorKind origin) {
    assertThat(e.getCode()).isEqualTo(code);
    assertThat(e.getKind()).isEqualTo(kind);
    assertThat(e.getOrigin()).isEqualTo(origin);
  }

  /** An exception class of a user library that carries its own code. */
  public static class CodedException extends RuntimeException {
    public CodedException(String message) {
      super(message);
    }

    public String errorCode() {
      return "ACME:QuotaExceeded";
    }
  }

  /** A code exposed bean-style, as an int. */
  public static class BeanCodedException extends RuntimeException {
    public int getErrorCode() {
      return 1205;
    }
  }

  @Test
  void loadFailureIsUserNonRecoverable() {
    assertRow(build(new ClassNotFoundException("com.acme.Missing"), ExecutionPhase.LOAD), "USER:RuntimeError",
        ContainerError.Kind.NON_RECOVERABLE, ExecutionError.ErrorKind.USER);
  }

  @Test
  void plainExceptionFromExecutorIsUserNonRecoverable() {
    assertRow(build(new IllegalStateException("no such table: trackz"), ExecutionPhase.EXECUTE),
        "USER:RuntimeError", ContainerError.Kind.NON_RECOVERABLE, ExecutionError.ErrorKind.USER);
  }

  @Test
  void userExceptionKeepsItsCode() {
    assertRow(build(new FlyteUserException("ACME:BadQuery", "bad query", null), ExecutionPhase.EXECUTE),
        "ACME:BadQuery", ContainerError.Kind.NON_RECOVERABLE, ExecutionError.ErrorKind.USER);
  }

  @Test
  void recoverableUserException() {
    assertRow(build(new FlyteRecoverableException("db busy"), ExecutionPhase.EXECUTE), "USER:Recoverable",
        ContainerError.Kind.RECOVERABLE, ExecutionError.ErrorKind.USER);
  }

  @Test
  void foreignExceptionExposingACodeKeepsIt() {
    assertRow(build(new CodedException("quota"), ExecutionPhase.EXECUTE), "ACME:QuotaExceeded",
        ContainerError.Kind.NON_RECOVERABLE, ExecutionError.ErrorKind.USER);
    assertRow(build(new BeanCodedException(), ExecutionPhase.EXECUTE), "1205",
        ContainerError.Kind.NON_RECOVERABLE, ExecutionError.ErrorKind.USER);
  }

  @Test
  void reflectionWrapperIsLookedThrough() {
    Throwable wrapped = new InvocationTargetException(new FlyteRecoverableException("flaky"));
    assertRow(build(wrapped, ExecutionPhase.EXECUTE), "USER:Recoverable", ContainerError.Kind.RECOVERABLE,
        ExecutionError.ErrorKind.USER);
  }

  @Test
  void systemExceptionDuringExecuteStaysSystem() {
    assertRow(build(new FlyteSystemException("bug in shimkit"), ExecutionPhase.EXECUTE), "SYSTEM:Unknown",
        ContainerError.Kind.RECOVERABLE, ExecutionError.ErrorKind.SYSTEM);
  }

  @Test
  void inputConversionFailureIsSystemNonRecoverable() {
    assertRow(build(new IllegalArgumentException("cannot decode"), ExecutionPhase.INPUT_CONVERSION), "SYSTEM",
        ContainerError.Kind.NON_RECOVERABLE, ExecutionError.ErrorKind.SYSTEM);
    assertRow(build(FlyteSystemException.nonRecoverable("x", null), ExecutionPhase.INPUT_CONVERSION), "SYSTEM",
        ContainerError.Kind.NON_RECOVERABLE, ExecutionError.ErrorKind.SYSTEM);
  }

  @Test
  void outputConversionFailureIsSystemNonRecoverable() {
    assertRow(build(new ClassCastException("x"), ExecutionPhase.OUTPUT_CONVERSION), "SYSTEM",
        ContainerError.Kind.NON_RECOVERABLE, ExecutionError.ErrorKind.SYSTEM);
  }

  @Test
  void typeErrorWhileConvertingIsTheUsers() {
    assertRow(build(new FlyteTypeException("output 'results' is a String, expected a StructuredDataset"),
        ExecutionPhase.OUTPUT_CONVERSION), "USER:TypeError", ContainerError.Kind.NON_RECOVERABLE,
        ExecutionError.ErrorKind.USER);
  }

  @Test
  void storageFailureIsSystemRecoverable() {
    assertRow(build(new UncheckedIOException(new IOException("connection reset")), ExecutionPhase.IO), "SYSTEM",
        ContainerError.Kind.RECOVERABLE, ExecutionError.ErrorKind.SYSTEM);
    assertRow(build(FlyteDataException.download("s3://b/k", new IOException("reset")), ExecutionPhase.EXECUTE),
        "SYSTEM:DownloadDataError", ContainerError.Kind.RECOVERABLE, ExecutionError.ErrorKind.SYSTEM);
  }

  @Test
  void missingObjectIsNotRetried() {
    assertRow(build(FlyteDataException.notFound("s3://b/inputs.pb"), ExecutionPhase.IO), "SYSTEM:DataNotFound",
        ContainerError.Kind.NON_RECOVERABLE, ExecutionError.ErrorKind.SYSTEM);
  }

  @Test
  void userExceptionDuringIoIsStillSystem() {
    assertRow(build(new FlyteUserException("odd"), ExecutionPhase.IO), "SYSTEM", ContainerError.Kind.RECOVERABLE,
        ExecutionError.ErrorKind.SYSTEM);
  }

  @Test
  void timestampWorkerAndFileNameWithoutDistributedStrategy() {
    ErrorDocuments d = docs(PLAIN);
    ContainerError e = d.build(new RuntimeException("x"), ExecutionPhase.EXECUTE, null).getError();
    assertThat(e.getTimestamp().getSeconds()).isEqualTo(NOW.getEpochSecond());
    assertThat(e.getTimestamp().getNanos()).isEqualTo(NOW.getNano());
    assertThat(e.getWorker()).isEmpty();
    assertThat(d.errorFileName()).isEqualTo("error.pb");
  }

  @Test
  void distributedStrategyNamesWorkerAndRandomizesFile() {
    ErrorDocuments d = docs(DISTRIBUTED);
    ContainerError e = d.build(new RuntimeException("x"), ExecutionPhase.EXECUTE, null).getError();
    assertThat(e.getWorker()).isEqualTo("worker-7");
    String a = d.errorFileName();
    String b = d.errorFileName();
    assertThat(a).matches("error-[0-9a-f]{32}\\.pb");
    assertThat(b).matches("error-[0-9a-f]{32}\\.pb").isNotEqualTo(a);
  }

  @Test
  void messageNamesPhaseTaskAndCauseChain() {
    Throwable root = new java.sql.SQLException("no such table: trackz");
    Throwable top = new IllegalStateException("query failed", root);
    String m = build(top, ExecutionPhase.EXECUTE).getMessage();
    assertThat(m).startsWith("Failed while executing the task 'pyref.sqlite_tracks'.");
    assertThat(m).contains("java.lang.IllegalStateException: query failed\n"
        + "Caused by: java.sql.SQLException: no such table: trackz\n");
    assertThat(m).contains("Stack trace of java.sql.SQLException:\n    at ");
    assertThat(m).contains(ErrorDocumentsTest.class.getName());
  }

  @Test
  void messageIsBoundedAndCyclesEnd() {
    RuntimeException a = new RuntimeException("x".repeat(200_000));
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    String m = build(b, ExecutionPhase.EXECUTE).getMessage();
    assertThat(m.length()).isLessThanOrEqualTo(64 * 1024);
    assertThat(m).endsWith("(message truncated)");
  }

  @Test
  void secretNeverInSerializedDocument() {
    String secret = "s3cr3t-T0ken-value";
    Redactor redactor = Redactor.of(Set.of(secret));
    ErrorDocuments d = new ErrorDocuments(PLAIN, redactor, Clock.fixed(NOW, ZoneOffset.UTC));
    Throwable t = new IllegalStateException("login with " + secret + " refused",
        new RuntimeException("token=" + secret));
    ErrorDocument doc = d.build(t, ExecutionPhase.EXECUTE, "task");
    String bytes = new String(doc.toByteArray(), StandardCharsets.ISO_8859_1);
    assertThat(bytes).doesNotContain(secret);
    assertThat(doc.getError().getMessage()).contains("login with **** refused").contains("token=****");
  }

  @Test
  void secretInErrorCodeIsMasked() {
    FlyteUserException e = new FlyteUserException("CODE-hunter2", "m", null);
    ErrorDocuments d = new ErrorDocuments(PLAIN, Redactor.of(Set.of("hunter2")), Clock.systemUTC());
    assertThat(d.build(e, ExecutionPhase.EXECUTE, null).getError().getCode()).isEqualTo("CODE-****");
  }

  @Test
  void exitCodes() {
    assertThat(ExitCodes.afterErrorDocument(PLAIN)).isEqualTo(ExitCodes.SUCCESS).isZero();
    assertThat(ExitCodes.afterErrorDocument(RuntimeEnvironment.from(Map.of("FLYTE_FAIL_ON_ERROR", "True"))))
        .isEqualTo(ExitCodes.TASK_FAILED).isEqualTo(1);
    assertThat(Set.of(ExitCodes.SUCCESS, ExitCodes.TASK_FAILED, ExitCodes.USAGE, ExitCodes.ERROR_NOT_WRITTEN))
        .hasSize(4);
  }
}
