package dev.shimkit.runtime;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Replaces known secret values with {@code ****} in text that leaves the process (error documents, logs).
 * Secret values are registered at run time, as soon as they are read; longer values are replaced first, so a
 * secret that contains another is hidden whole. Thread-safe.
 *
 * <p>Only exact occurrences are found: a secret that user code re-encodes (base64, URL encoding) before it
 * lands in a message is not recognized.
 */
public final class Redactor {
  /** What each secret occurrence becomes. */
  public static final String MASK = "****";

  private final List<String> secrets = new CopyOnWriteArrayList<>();

  /** A redactor that knows no secret yet. */
  public Redactor() {}

  /** A redactor that knows {@code secrets}. */
  public static Redactor of(Collection<String> secrets) {
    Redactor r = new Redactor();
    secrets.forEach(r::register);
    return r;
  }

  /** Adds a secret value; blank values are ignored (they would mask every space). */
  public synchronized Redactor register(String secret) {
    if (secret != null && !secret.isBlank() && !secrets.contains(secret)) {
      secrets.add(secret);
      secrets.sort(Comparator.comparingInt(String::length).reversed());
    }
    return this;
  }

  /** {@code text} with every registered secret value replaced by {@link #MASK}; null stays null. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : secrets) {
      if (out.contains(secret)) {
        out = out.replace(secret, MASK);
      }
    }
    return out;
  }
}
