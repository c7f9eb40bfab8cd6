package dev.shimkit.errors;

/** A user error that a retry may fix (a flaky dependency the user's code called, say). */
public class FlyteRecoverableException extends FlyteUserException {
  public static final String CODE = "USER:Recoverable";

  public FlyteRecoverableException(String message) {
    this(message, null);
  }

  public FlyteRecoverableException(String message, Throwable cause) {
    super(CODE, message, cause, true);
  }
}
