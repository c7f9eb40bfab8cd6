package dev.shimkit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The protobuf files flytekit 1.15.4 wrote, in {@code ../shared/golden} beside the repository. */
public final class Golden {
  private Golden() {
  }

  public static Path dir() {
    return Path.of(System.getProperty("shimkit.repo.root", ".")).resolve("../shared/golden/flytekit-1.15.4").normalize();
  }

  public static Path path(String name) {
    return dir().resolve(name);
  }

  public static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
