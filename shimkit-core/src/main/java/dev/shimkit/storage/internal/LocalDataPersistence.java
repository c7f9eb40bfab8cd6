package dev.shimkit.storage.internal;

import dev.shimkit.errors.FlyteDataException;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.storage.DataPersistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Local disk as storage: plain paths and {@code file:} URIs. Every file is written to a temporary sibling and
 * renamed into place, so a reader never sees half a file. A directory copied to a target that does not exist
 * yet is built as a temporary sibling and renamed as a whole, so it appears complete or not at all; copied
 * onto an existing directory it is merged file by file, each file atomically. Symbolic links are followed.
 *
 * <p>{@code file:} URIs: {@code file:///abs}, {@code file://localhost/abs} and {@code file:/abs} name the
 * path {@code /abs}. A URI that is valid (as {@link Path#toUri()} writes it) is percent-decoded; one that is
 * not (a raw path with spaces, as flytekit writes it) is taken literally.
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
      copy(source, local, recursive, uri, false);
    } catch (NoSuchFileException e) {
      if (!Files.exists(source)) {
        throw FlyteDataException.notFound(uri);
      }
      throw FlyteDataException.download(uri, e);
    } catch (IOException e) {
      throw FlyteDataException.download(uri, e);
    }
  }

  @Override
  public void put(Path local, String uri, boolean recursive) {
    if (!Files.exists(local)) {
      throw FlyteDataException.notFound(local.toString());
    }
    try {
      copy(local, toPath(uri), recursive, uri, true);
    } catch (NoSuchFileException e) {
      if (!Files.exists(local)) {
        throw FlyteDataException.notFound(local.toString());
      }
      throw FlyteDataException.upload(uri, e);
    } catch (IOException e) {
      throw FlyteDataException.upload(uri, e);
    }
  }

  @Override
  public byte[] getBytes(String uri) {
    Path source = toPath(uri);
    try {
      return Files.readAllBytes(source);
    } catch (NoSuchFileException e) {
      throw FlyteDataException.notFound(uri);
    } catch (IOException e) {
      throw FlyteDataException.download(uri, e);
    }
  }

  @Override
  public void putBytes(byte[] data, String uri) {
    Path target = toPath(uri);
    try {
      Path tmp = createTempSibling(target);
      try {
        Files.write(tmp, data);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw FlyteDataException.upload(uri, e);
    }
  }

  /** The local path a plain path or {@code file:} URI names. */
  public static Path toPath(String uri) {
    if (!uri.regionMatches(true, 0, "file:", 0, 5)) {
      return Path.of(uri);
    }
    String rest = uri.substring(5);
    if (rest.startsWith("//")) {
      String afterSlashes = rest.substring(2);
      if (afterSlashes.regionMatches(true, 0, "localhost/", 0, 10)) {
        afterSlashes = afterSlashes.substring(9);
      }
      if (!afterSlashes.startsWith("/")) {
        throw new FlyteValidationException("Cannot use '" + uri + "': a file URI names a local path and has "
            + "no host. Write file:///absolute/path or a plain path.");
      }
      rest = afterSlashes;
    }
    if (rest.startsWith("/") && rest.indexOf('%') >= 0) {
      try {
        return Path.of(URI.create("file://" + rest));
      } catch (IllegalArgumentException notAUri) {
        return Path.of(rest);
      }
    }
    return Path.of(rest);
  }

  private static void copy(Path source, Path target, boolean recursive, String uri, boolean upload)
      throws IOException {
    if (source.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
      return;
    }
    if (!Files.isDirectory(source)) {
      copyFile(source, target);
      return;
    }
    if (!recursive) {
      String code = upload ? FlyteDataException.UPLOAD_CODE : FlyteDataException.DOWNLOAD_CODE;
      throw new FlyteDataException(code, "Cannot copy directory " + source + (upload ? " to " : " from ") + uri
          + " as a single file: pass multipart=true to copy a directory", null, false);
    }
    List<Path> entries = listTree(source);
    if (Files.isDirectory(target)) {
      for (Path entry : entries) {
        Path dest = target.resolve(source.relativize(entry).toString());
        if (Files.isDirectory(entry)) {
          Files.createDirectories(dest);
        } else {
          copyFile(entry, dest);
        }
      }
    } else {
      copyDirectoryAtomically(source, entries, target);
    }
  }

  private static void copyDirectoryAtomically(Path source, List<Path> entries, Path target) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".");
    try {
      for (Path entry : entries) {
        Path dest = tmp.resolve(source.relativize(entry).toString());
        if (Files.isDirectory(entry)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(entry, dest);
        }
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteTree(tmp);
    }
  }

  private static List<Path> listTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
      return walk.filter(p -> !p.equals(dir)).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void copyFile(Path source, Path target) throws IOException {
    Path tmp = createTempSibling(target);
    try {
      Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static Path createTempSibling(Path target) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    return Files.createTempFile(parent, "." + target.getFileName() + ".", ".part");
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
