package dev.shimkit.runtime;

import dev.shimkit.errors.FlyteValidationException;

/**
 * The command line of {@code shimkit-execute} is wrong (unknown flag, missing value or required flag). The
 * entrypoint prints the message and exits with {@link ExitCodes#USAGE}; no error document is written because
 * the output prefix may not even be known.
 */
public class UsageException extends FlyteValidationException {
  public UsageException(String message) {
    super(message);
  }
}
