package dev.shimkit.errors;

/**
 * An error the user can fix: bad input, a bad query, an exception from task or executor code. Not
 * recoverable unless it says so ({@link FlyteRecoverableException}); its error code is kept as given.
 */
public non-sealed class FlyteUserException extends FlyteException {
  public static final String DEFAULT_CODE = "USER:RuntimeError";

  public FlyteUserException(String message) {
    this(DEFAULT_CODE, message, null, false);
  }

  public FlyteUserException(String message, Throwable cause) {
    this(DEFAULT_CODE, message, cause, false);
  }

  public FlyteUserException(String errorCode, String message, Throwable cause) {
    this(errorCode, message, cause, false);
  }

  protected FlyteUserException(String errorCode, String message, Throwable cause, boolean recoverable) {
    super(errorCode, message, cause, recoverable);
  }

  @Override
  public final Origin origin() {
    return Origin.USER;
  }
}
