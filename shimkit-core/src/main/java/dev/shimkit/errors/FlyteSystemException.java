package dev.shimkit.errors;

/**
 * An error of the platform, not of the user: storage unavailable, a bug in shimkit, a conversion the system
 * performs on the user's behalf. Recoverable by default (infrastructure hiccups); conversion failures use
 * {@link #nonRecoverable}.
 */
public non-sealed class FlyteSystemException extends FlyteException {
  public static final String DEFAULT_CODE = "SYSTEM:Unknown";

  public FlyteSystemException(String message) {
    this(DEFAULT_CODE, message, null, true);
  }

  public FlyteSystemException(String message, Throwable cause) {
    this(DEFAULT_CODE, message, cause, true);
  }

  public FlyteSystemException(String errorCode, String message, Throwable cause, boolean recoverable) {
    super(errorCode, message, cause, recoverable);
  }

  /** A system error that retrying cannot fix, such as converting task inputs or outputs. */
  public static FlyteSystemException nonRecoverable(String message, Throwable cause) {
    return new FlyteSystemException("SYSTEM", message, cause, false);
  }

  @Override
  public final Origin origin() {
    return Origin.SYSTEM;
  }
}
