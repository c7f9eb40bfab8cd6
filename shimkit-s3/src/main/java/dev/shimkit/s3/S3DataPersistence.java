package dev.shimkit.s3;

import dev.shimkit.s3.internal.S3Clients;
import dev.shimkit.s3.internal.S3Store;
import dev.shimkit.storage.DataPersistence;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Storage on S3 and S3-compatible stores for {@code s3://bucket/key} URIs, found through
 * {@link java.util.ServiceLoader} by {@link dev.shimkit.storage.FileAccessProvider}. The no-arg constructor
 * reads {@link S3Settings#fromEnvironment()}; nothing is read and no client is built until the first call, so
 * loading the provider costs nothing. One client (with its connection pool) serves all calls; it is
 * thread-safe.
 *
 * <p>A directory ({@code recursive}/multipart) is every object under the prefix {@code key/}, keys relative
 * to it becoming relative paths. Each object is written whole: small files in one request, files of at least
 * {@link S3Settings#multipartThreshold()} bytes as a multipart upload streamed part by part from disk.
 * Downloads stream to a temporary sibling that is renamed into place.
 */
public final class S3DataPersistence implements DataPersistence, AutoCloseable {
  private final Supplier<S3Settings> settings;
  private volatile S3Store store;

  /** Configured from this process's environment, on first use. */
  public S3DataPersistence() {
    this(S3Settings::fromEnvironment);
  }

  /** Configured with explicit settings (tests, or a configuration file). */
  public S3DataPersistence(S3Settings settings) {
    this(() -> settings);
  }

  private S3DataPersistence(Supplier<S3Settings> settings) {
    this.settings = settings;
  }

  @Override
  public Set<String> schemes() {
    return Set.of("s3");
  }

  @Override
  public boolean exists(String uri) {
    return store().exists(uri);
  }

  @Override
  public void get(String uri, Path local, boolean recursive) {
    store().get(uri, local, recursive);
  }

  @Override
  public void put(Path local, String uri, boolean recursive) {
    store().put(local, uri, recursive);
  }

  @Override
  public byte[] getBytes(String uri) {
    return store().getBytes(uri);
  }

  @Override
  public void putBytes(byte[] data, String uri) {
    store().putBytes(data, uri);
  }

  /** Whether the S3 client has been built (it is built on the first storage call). */
  public boolean isStarted() {
    return store != null;
  }

  /** Closes the client, if one was built; a later call builds a new one. */
  @Override
  public synchronized void close() {
    if (store != null) {
      store.close();
      store = null;
    }
  }

  private S3Store store() {
    S3Store s = store;
    if (s == null) {
      synchronized (this) {
        s = store;
        if (s == null) {
          S3Settings resolved = settings.get();
          s = new S3Store(S3Clients.create(resolved), resolved);
          store = s;
        }
      }
    }
    return s;
  }
}
