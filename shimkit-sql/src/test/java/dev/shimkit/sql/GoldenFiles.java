package dev.shimkit.sql;

import java.nio.file.Path;

/** Where the files flytekit 1.15.4 wrote are. */
final class GoldenFiles {
  private GoldenFiles() {
  }

  static Path dir() {
    return Path.of(System.getProperty("shimkit.repo.root")).resolve("../shared/golden/flytekit-1.15.4");
  }
}
