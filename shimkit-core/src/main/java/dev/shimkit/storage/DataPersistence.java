package dev.shimkit.storage;

import java.nio.file.Path;
import java.util.Set;

/**
 * One storage back end (local disk, S3, ...), chosen by URI scheme. Implementations are found through
 * {@link java.util.ServiceLoader}, need a public no-arg constructor and read their configuration (endpoints,
 * credentials) lazily on first use, so that merely loading a provider costs nothing.
 *
 * <p>Errors are {@link dev.shimkit.errors.FlyteDataException}s: {@code notFound} for a missing object,
 * {@code download}/{@code upload} (recoverable) for everything else.
 */
public interface DataPersistence {

  /** The URI schemes handled, lower case, e.g. {@code s3}; the local provider answers {@code file}. */
  Set<String> schemes();

  /** Whether an object (or, for a prefix, any object under it) exists at {@code uri}. */
  boolean exists(String uri);

  /**
   * Downloads {@code uri} to {@code local}. When {@code recursive}, {@code uri} is a prefix ("directory") and
   * every object under it lands under {@code local}, keeping relative paths.
   */
  void get(String uri, Path local, boolean recursive);

  /**
   * Uploads {@code local} to {@code uri}. When {@code recursive}, {@code local} is a directory whose files land
   * under the prefix {@code uri}. An upload is whole or absent: readers never see half an object.
   */
  void put(Path local, String uri, boolean recursive);
}
