package dev.shimkit.storage.internal;

import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.storage.DataPersistence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link DataPersistence} providers of this process, found once through {@link ServiceLoader} and shared,
 * so that an expensive client (an S3 connection pool) is built at most once however many
 * {@link dev.shimkit.storage.FileAccessProvider} copies exist.
 */
public final class PersistenceRegistry {
  private static final Map<String, DataPersistence> BY_SCHEME = new ConcurrentHashMap<>();

  private PersistenceRegistry() {}

  /** The provider for a lower-case scheme. */
  public static DataPersistence forScheme(String scheme) {
    DataPersistence found = BY_SCHEME.get(scheme);
    return found != null ? found : BY_SCHEME.computeIfAbsent(scheme, PersistenceRegistry::find);
  }

  private static DataPersistence find(String scheme) {
    List<String> known = new ArrayList<>();
    for (DataPersistence p : Loaded.ALL) {
      for (String s : p.schemes()) {
        if (s.toLowerCase(Locale.ROOT).equals(scheme)) {
          return p;
        }
        known.add(s + "://");
      }
    }
    String hint = scheme.equals("s3") ? " (s3:// comes with the shimkit-s3 module)" : "";
    throw new FlyteValidationException("No storage provider for scheme '" + scheme + "://'" + hint
        + ". Add the module that provides it to the class path; providers found: " + known + ".");
  }

  /** Loaded on first use only: loading providers is cheap, but not free. */
  private static final class Loaded {
    static final List<DataPersistence> ALL = load();

    private static List<DataPersistence> load() {
      List<DataPersistence> all = new ArrayList<>();
      ServiceLoader.load(DataPersistence.class, PersistenceRegistry.class.getClassLoader()).forEach(all::add);
      return List.copyOf(all);
    }
  }
}
