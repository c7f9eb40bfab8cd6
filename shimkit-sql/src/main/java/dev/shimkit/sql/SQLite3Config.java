package dev.shimkit.sql;

import dev.shimkit.errors.FlyteValidationException;

/**
 * Where a {@link SQLite3Task}'s database is: flytekit's {@code SQLite3Config}.
 *
 * @param uri the database file or archive: a local path, {@code file://}, {@code s3://} or {@code http(s)://}
 * @param compressed whether {@code uri} is an archive (zip, tar, tar.gz, tar.bz2, tar.xz) holding exactly one
 *     database file
 */
public record SQLite3Config(String uri, boolean compressed) {
  public SQLite3Config {
    if (uri == null || uri.isBlank()) {
      throw new FlyteValidationException("SQLite DB uri is required: give the path or URI of the database file");
    }
  }

  /** An uncompressed database at {@code uri}. */
  public static SQLite3Config of(String uri) {
    return new SQLite3Config(uri, false);
  }
}
