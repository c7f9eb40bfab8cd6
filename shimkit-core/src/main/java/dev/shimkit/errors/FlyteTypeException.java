package dev.shimkit.errors;

/**
 * A value does not fit the type it was declared with, or a literal cannot become the requested Java type.
 * The message names the variable (when known), the expected type and what was found.
 */
public class FlyteTypeException extends FlyteUserException {
  public static final String CODE = "USER:TypeError";

  public FlyteTypeException(String message) {
    super(CODE, message, null);
  }

  public FlyteTypeException(String message, Throwable cause) {
    super(CODE, message, cause);
  }
}
