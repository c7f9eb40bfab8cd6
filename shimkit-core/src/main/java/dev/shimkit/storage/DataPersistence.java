package dev.shimkit.storage;

import dev.shimkit.errors.FlyteDataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * One storage back end (local disk, S3, ...), chosen by URI scheme. Implementations are found through
 * {@link java.util.ServiceLoader}, need a public no-arg constructor and read their configuration (endpoints,
 * credentials) lazily on first use, so that merely loading a provider costs nothing.
 *
 * <p>Errors are {@link dev.shimkit.errors.FlyteDataException}s: {@code notFound} for a missing object,
 * {@code download}/{@code upload} (recoverable) for everything else. Messages name the URI, never credentials.
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

  /**
   * Reads a small object (a protobuf file such as {@code inputs.pb}) into memory. The default goes through a
   * temporary file; providers override it to skip the disk.
   */
  default byte[] getBytes(String uri) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile("shimkit-get", ".bin");
      get(uri, tmp, false);
      return Files.readAllBytes(tmp);
    } catch (IOException e) {
      throw FlyteDataException.download(uri, e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  /**
   * Writes a small object (a protobuf file such as {@code outputs.pb}) whole or not at all. The default goes
   * through a temporary file; providers override it to skip the disk.
   */
  default void putBytes(byte[] data, String uri) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile("shimkit-put", ".bin");
      Files.write(tmp, data);
      put(tmp, uri, false);
    } catch (IOException e) {
      throw FlyteDataException.upload(uri, e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  private static void deleteQuietly(Path tmp) {
    if (tmp != null) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // a leftover temporary file is harmless
      }
    }
  }
}
