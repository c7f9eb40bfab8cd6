package dev.shimkit.errors;

/**
 * Base of every error shimkit raises on purpose. It carries what Flyte's error document needs: a code that
 * survives to the backend, which side is at fault ({@link Origin}) and whether a retry can help.
 *
 * <p>User errors ({@link FlyteUserException}) and system errors ({@link FlyteSystemException}) are separate
 * types so callers can tell them apart with {@code catch} alone.
 */
public abstract sealed class FlyteException extends RuntimeException
    permits FlyteUserException, FlyteSystemException {

  /** Who is at fault; maps to {@code flyteidl.core.ExecutionError.ErrorKind}. */
  public enum Origin { USER, SYSTEM }

  private final String errorCode;
  private final boolean recoverable;

  protected FlyteException(String errorCode, String message, Throwable cause, boolean recoverable) {
    super(message, cause);
    this.errorCode = errorCode;
    this.recoverable = recoverable;
  }

  /** The code written to {@code ContainerError.code}, e.g. {@code USER:ValueError}. */
  public String errorCode() {
    return errorCode;
  }

  /** Whether retrying the same task attempt may succeed. */
  public boolean isRecoverable() {
    return recoverable;
  }

  public abstract Origin origin();
}
