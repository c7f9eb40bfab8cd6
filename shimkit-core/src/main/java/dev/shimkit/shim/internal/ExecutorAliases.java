package dev.shimkit.shim.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Maps executor names found in templates to Java executor classes. Plugins list aliases in
 * {@code META-INF/shimkit/executor-aliases.properties} ({@code <name in template>=<Java class>}), e.g.
 * flytekit's {@code flytekit.extras.sqlite3.task.SQLite3TaskExecutor}; names without an alias are used as is.
 * Read once, on first use.
 */
public final class ExecutorAliases {
  public static final String RESOURCE = "META-INF/shimkit/executor-aliases.properties";

  private ExecutorAliases() {
  }

  private static final class Holder {
    static final Map<String, String> ALIASES = load();
  }

  /** The Java class name to load for {@code executorName}. */
  public static String resolve(String executorName) {
    return Holder.ALIASES.getOrDefault(executorName, executorName);
  }

  /** Every alias known on the classpath. */
  public static Map<String, String> all() {
    return Holder.ALIASES;
  }

  private static Map<String, String> load() {
    Map<String, String> aliases = new HashMap<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = ExecutorAliases.class.getClassLoader();
    }
    try {
      for (URL url : Collections.list(loader.getResources(RESOURCE))) {
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
          p.load(in);
        }
        p.forEach((k, v) -> aliases.put(k.toString().trim(), v.toString().trim()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
    return Map.copyOf(aliases);
  }
}
