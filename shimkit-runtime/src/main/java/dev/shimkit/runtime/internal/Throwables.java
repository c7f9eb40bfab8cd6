package dev.shimkit.runtime.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Helpers to look through exceptions. */
public final class Throwables {
  private Throwables() {}

  /** Strips wrappers that only say "thrown elsewhere" (reflection, futures), keeping the real exception. */
  public static Throwable unwrap(Throwable t) {
    Throwable e = t;
    for (int i = 0; i < 16; i++) {
      boolean wrapper = e instanceof InvocationTargetException || e instanceof UndeclaredThrowableException
          || e instanceof ExecutionException || e instanceof CompletionException;
      if (!wrapper || e.getCause() == null) {
        return e;
      }
      e = e.getCause();
    }
    return e;
  }

  /**
   * The error code an arbitrary exception exposes through a public no-argument {@code errorCode()} or
   * {@code getErrorCode()} method (a String, a number, anything with a useful {@code toString}), if any.
   */
  public static Optional<String> exposedErrorCode(Throwable t) {
    for (String name : new String[] {"errorCode", "getErrorCode"}) {
      try {
        Method m = t.getClass().getMethod(name);
        if (m.getReturnType() == void.class || Modifier.isStatic(m.getModifiers())) {
          continue;
        }
        if (!m.canAccess(t) && !m.trySetAccessible()) {
          continue;
        }
        Object value = m.invoke(t);
        if (value != null && !value.toString().isBlank()) {
          return Optional.of(value.toString());
        }
      } catch (ReflectiveOperationException | RuntimeException | LinkageError ignored) {
        // no usable code: fall back to the default
      }
    }
    return Optional.empty();
  }
}
