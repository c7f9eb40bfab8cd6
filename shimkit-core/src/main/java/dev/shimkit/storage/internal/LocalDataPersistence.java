package dev.shimkit.storage.internal;

import dev.shimkit.errors.FlyteDataException;
import dev.shimkit.storage.DataPersistence;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Local disk as storage: plain paths and {@code file://} URIs. Files are copied to a temporary sibling and
 * renamed, so a reader never sees half a file.
 */
public final class LocalDataPersistence implements DataPersistence {

  @Override
  public Set<String> schemes() {
    return Set.of("file");
  }

  @Override
  public boolean exists(String uri) {
    return Files.exists(toPath(uri));
  }

  @Override
  public void get(String uri, Path local, boolean recursive) {
    Path source = toPath(uri);
    if (!Files.exists(source)) {
      throw FlyteDataException.notFound(uri);
    }
    try {
      copy(source, local, recursive);
    } catch (IOException e) {
      throw FlyteDataException.download(uri, e);
    }
  }

  @Override
  public void put(Path local, String uri, boolean recursive) {
    try {
      copy(local, toPath(uri), recursive);
    } catch (NoSuchFileException e) {
      throw FlyteDataException.upload(uri, e);
    } catch (IOException e) {
      throw FlyteDataException.upload(uri, e);
    }
  }

  /** The local path a plain path or {@code file://} URI names. */
  public static Path toPath(String uri) {
    if (uri.startsWith("file://")) {
      return Path.of(URI.create(uri));
    }
    if (uri.startsWith("file:")) {
      return Path.of(uri.substring("file:".length()));
    }
    return Path.of(uri);
  }

  private static void copy(Path source, Path target, boolean recursive) throws IOException {
    if (source.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
      return;
    }
    if (recursive && Files.isDirectory(source)) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(source)) {
        files = walk.filter(Files::isRegularFile).toList();
      }
      Files.createDirectories(target);
      for (Path file : files) {
        copyFile(file, target.resolve(source.relativize(file).toString()));
      }
    } else {
      copyFile(source, target);
    }
  }

  private static void copyFile(Path source, Path target) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, "." + target.getFileName(), ".part");
    try {
      Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
