package dev.shimkit.runtime;

import dev.shimkit.errors.FlyteException;
import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.runtime.internal.ErrorMessages;
import dev.shimkit.runtime.internal.Throwables;
import flyteidl.core.Errors.ContainerError;
import flyteidl.core.Errors.ErrorDocument;
import flyteidl.core.Execution.ExecutionError;
import com.google.protobuf.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds the {@code ErrorDocument} a task container leaves under its output prefix when a task fails, which is
 * how Flyte learns what went wrong, whose fault it was and whether to retry.
 *
 * <p>Classification ({@link #classify}), decided on the thrown exception after unwrapping reflection and
 * concurrency wrappers ({@code InvocationTargetException}, {@code ExecutionException}, ...):
 * <ol>
 *   <li>A {@link FlyteSystemException} (including {@code FlyteDataException}), in any phase: origin SYSTEM,
 *       its own code, RECOVERABLE unless it says otherwise (e.g. {@code FlyteDataException.notFound}).</li>
 *   <li>Phase {@link ExecutionPhase#IO}, any other exception: SYSTEM, code {@code SYSTEM}, RECOVERABLE.</li>
 *   <li>A {@link FlyteUserException} in any other phase: origin USER, its own code, NON_RECOVERABLE unless it
 *       is recoverable ({@code FlyteRecoverableException}). This includes a {@code FlyteTypeException} raised
 *       while converting inputs or outputs: the value the user (or their executor) produced has the wrong
 *       type, so it is their error to fix. flytekit reports every conversion failure as SYSTEM; we keep USER
 *       so {@code on_failure} handlers and dashboards blame the right side (flyte #6695, #3559).</li>
 *   <li>Phases {@link ExecutionPhase#INPUT_CONVERSION}/{@link ExecutionPhase#OUTPUT_CONVERSION}, any other
 *       exception: SYSTEM, code {@code SYSTEM}, NON_RECOVERABLE (as flytekit).</li>
 *   <li>Phases {@link ExecutionPhase#LOAD}/{@link ExecutionPhase#EXECUTE}, any other exception (user code or an
 *       executor): origin USER, NON_RECOVERABLE; the code is the one the exception exposes through a public
 *       no-argument {@code errorCode()} or {@code getErrorCode()} method, else {@code USER:RuntimeError}.
 *       flytekit reports executor exceptions as SYSTEM/RECOVERABLE, which retries bad queries forever and
 *       hides user codes (flyte #6170, #6719); we do not.</li>
 * </ol>
 *
 * <p>The message names the phase and task, then the cause chain ({@code Type: message} per cause) and a trimmed
 * stack trace of the root cause; every registered secret is masked and the whole is bounded in length.
 */
public final class ErrorDocuments {
  /** The error file name Flyte reads by default. */
  public static final String ERROR_FILE_NAME = "error.pb";
  /** Code for system failures without a more precise code, as flytekit writes it. */
  public static final String SYSTEM_CODE = "SYSTEM";

  private final RuntimeEnvironment environment;
  private final Redactor redactor;
  private final Clock clock;

  public ErrorDocuments(RuntimeEnvironment environment, Redactor redactor) {
    this(environment, redactor, Clock.systemUTC());
  }

  public ErrorDocuments(RuntimeEnvironment environment, Redactor redactor, Clock clock) {
    this.environment = Objects.requireNonNull(environment, "environment");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The error document for {@code error} raised during {@code phase}.
   *
   * @param taskName the task's name for the message, or null when not known yet
   */
  public ErrorDocument build(Throwable error, ExecutionPhase phase, String taskName) {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(phase, "phase");
    ErrorClassification c = classify(error, phase);
    Instant now = clock.instant();
    String message = ErrorMessages.describe(error, phase, taskName, redactor);
    ContainerError container = ContainerError.newBuilder()
        .setCode(redactor.redact(c.code()))
        .setMessage(message)
        .setKind(c.kind())
        .setOrigin(c.origin())
        .setTimestamp(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
        .setWorker(environment.errorWorker())
        .build();
    return ErrorDocument.newBuilder().setError(container).build();
  }

  /**
   * The file name for the next error document: {@value #ERROR_FILE_NAME}, or {@code error-<random hex>.pb} when
   * the distributed error strategy is on, so that the workers of one task do not overwrite each other.
   */
  public String errorFileName() {
    return errorFileName(environment);
  }

  /** See {@link #errorFileName()}. */
  public static String errorFileName(RuntimeEnvironment environment) {
    if (!environment.isDistributedErrorStrategy()) {
      return ERROR_FILE_NAME;
    }
    return "error-" + UUID.randomUUID().toString().replace("-", "") + ".pb";
  }

  /** How {@code error} raised during {@code phase} is reported; the rules are in the class comment. */
  public static ErrorClassification classify(Throwable error, ExecutionPhase phase) {
    Throwable e = Throwables.unwrap(error);
    if (e instanceof FlyteSystemException s) {
      return new ErrorClassification(codeOr(s, SYSTEM_CODE), kind(s.isRecoverable()),
          ExecutionError.ErrorKind.SYSTEM);
    }
    if (phase == ExecutionPhase.IO) {
      return new ErrorClassification(SYSTEM_CODE, ContainerError.Kind.RECOVERABLE, ExecutionError.ErrorKind.SYSTEM);
    }
    if (e instanceof FlyteUserException u) {
      return new ErrorClassification(codeOr(u, FlyteUserException.DEFAULT_CODE), kind(u.isRecoverable()),
          ExecutionError.ErrorKind.USER);
    }
    if (phase == ExecutionPhase.INPUT_CONVERSION || phase == ExecutionPhase.OUTPUT_CONVERSION) {
      return new ErrorClassification(SYSTEM_CODE, ContainerError.Kind.NON_RECOVERABLE,
          ExecutionError.ErrorKind.SYSTEM);
    }
    String code = Throwables.exposedErrorCode(e).orElse(FlyteUserException.DEFAULT_CODE);
    return new ErrorClassification(code, ContainerError.Kind.NON_RECOVERABLE, ExecutionError.ErrorKind.USER);
  }

  private static String codeOr(FlyteException e, String fallback) {
    String code = e.errorCode();
    return code == null || code.isBlank() ? fallback : code;
  }

  private static ContainerError.Kind kind(boolean recoverable) {
    return recoverable ? ContainerError.Kind.RECOVERABLE : ContainerError.Kind.NON_RECOVERABLE;
  }
}
