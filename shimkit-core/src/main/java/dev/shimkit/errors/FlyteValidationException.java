package dev.shimkit.errors;

/** A value the user gave is invalid (a resource quantity, an image name, a secret). The message says how to fix it. */
public class FlyteValidationException extends FlyteUserException {
  public static final String CODE = "USER:ValidationError";

  public FlyteValidationException(String message) {
    super(CODE, message, null);
  }

  public FlyteValidationException(String message, Throwable cause) {
    super(CODE, message, cause);
  }
}
