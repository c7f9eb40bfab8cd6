package dev.shimkit.runtime.internal;

import dev.shimkit.runtime.ExecutionPhase;
import dev.shimkit.runtime.Redactor;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Writes the human-readable {@code ContainerError.message}: what failed, the cause chain, the root's trace. */
public final class ErrorMessages {
  /** Upper bound of a message, in characters. */
  public static final int MAX_CHARS = 64 * 1024;
  static final int MAX_CAUSES = 20;
  static final int MAX_FRAMES = 40;
  static final String TRUNCATED = "\n... (message truncated)";

  private ErrorMessages() {}

  /** The message for {@code error} in {@code phase}; secrets masked, at most {@link #MAX_CHARS} characters. */
  public static String describe(Throwable error, ExecutionPhase phase, String taskName, Redactor redactor) {
    StringBuilder out = new StringBuilder("Failed while ").append(phase.description());
    if (taskName != null && !taskName.isBlank()) {
      out.append(" '").append(taskName).append('\'');
    }
    out.append(".\n\n");
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Throwable root = error;
    int depth = 0;
    for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
      if (depth == MAX_CAUSES) {
        out.append("... further causes omitted\n");
        break;
      }
      out.append(depth == 0 ? "" : "Caused by: ").append(typeAndMessage(t)).append('\n');
      root = t;
      depth++;
    }
    out.append("\nStack trace of ").append(root.getClass().getName()).append(":\n");
    StackTraceElement[] frames = root.getStackTrace();
    int shown = Math.min(frames.length, MAX_FRAMES);
    for (int i = 0; i < shown; i++) {
      out.append("    at ").append(frames[i]).append('\n');
    }
    if (frames.length > shown) {
      out.append("    ... ").append(frames.length - shown).append(" more\n");
    }
    // mask before cutting, so that a cut can never leave part of a secret behind
    String text = redactor.redact(out.toString());
    if (text.length() > MAX_CHARS) {
      text = text.substring(0, MAX_CHARS - TRUNCATED.length()) + TRUNCATED;
    }
    return text;
  }

  static String typeAndMessage(Throwable t) {
    String message = t.getMessage();
    return message == null ? t.getClass().getName() : t.getClass().getName() + ": " + message;
  }
}
