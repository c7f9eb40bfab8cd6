package dev.shimkit.errors;

import java.lang.reflect.Method;

/**
 * Task or executor code threw. A user error that names the task and keeps the cause; its error code is the
 * cause's own when it has one (a {@link FlyteException}, or any exception with a public {@code errorCode()}
 * or {@code getErrorCode()} method), and it is recoverable exactly when the cause says so.
 */
public final class TaskExecutionException extends FlyteUserException {

  public TaskExecutionException(String taskName, Throwable cause) {
    super(codeOf(cause), "Error encountered while executing '" + taskName + "': " + describe(cause), cause,
        cause instanceof FlyteException fe && fe.isRecoverable());
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static String codeOf(Throwable cause) {
    if (cause instanceof FlyteException fe) {
      return fe.errorCode();
    }
    for (String name : new String[] {"errorCode", "getErrorCode"}) {
      try {
        Method m = cause.getClass().getMethod(name);
        Object code = m.invoke(cause);
        if (code != null && !code.toString().isEmpty()) {
          return code.toString();
        }
      } catch (ReflectiveOperationException | RuntimeException ignored) {
        // no usable code accessor: fall through to the default
      }
    }
    return DEFAULT_CODE;
  }
}
