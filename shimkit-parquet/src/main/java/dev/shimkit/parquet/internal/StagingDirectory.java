package dev.shimkit.parquet.internal;

import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.FlyteUserException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hidden sibling directory that part files are written into; {@link #commit} renames it to the dataset
 * directory in one step, {@link #discard} deletes it. So a reader never sees half a dataset, and a failed
 * write leaves nothing behind. The dataset directory must not exist or be empty.
 */
public final class StagingDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(StagingDirectory.class);

  private final Path target;
  private final Path staging;

  private StagingDirectory(Path target, Path staging) {
    this.target = target;
    this.staging = staging;
  }

  public static StagingDirectory create(Path directory) {
    Path target = directory.toAbsolutePath().normalize();
    requireFree(target);
    try {
      Files.createDirectories(target.getParent());
      Path staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".shimkit-");
      return new StagingDirectory(target, staging);
    } catch (IOException e) {
      throw new FlyteSystemException("cannot create a staging directory next to " + target + ": " + e, e);
    }
  }

  public Path target() {
    return target;
  }

  public Path file(String name) {
    return staging.resolve(name);
  }

  /** Moves the staged part files into place and returns their final paths, in the order given. */
  public List<Path> commit(List<String> partNames) {
    requireFree(target);
    try {
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
        // an existing empty directory that this platform will not rename over: move the parts one by one
        Files.createDirectories(target);
        for (String name : partNames) {
          Files.move(staging.resolve(name), target.resolve(name));
        }
        Files.delete(staging);
      }
    } catch (DirectoryNotEmptyException e) {
      discard();
      throw new FlyteUserException("parquet dataset directory " + target
          + " was filled by someone else while this dataset was written; write to a new directory", e);
    } catch (IOException e) {
      discard();
      throw new FlyteSystemException("cannot move the parquet dataset into " + target + ": " + e, e);
    }
    List<Path> parts = new ArrayList<>();
    for (String name : partNames) {
      parts.add(target.resolve(name));
    }
    return parts;
  }

  /** Deletes the staging directory and whatever it holds; failures are logged, not thrown. */
  public void discard() {
    if (!Files.exists(staging)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(staging)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("could not delete staging directory {} of a discarded parquet dataset: {}", staging, e.toString());
    }
  }

  private static void requireFree(Path target) {
    if (!Files.exists(target)) {
      return;
    }
    if (!Files.isDirectory(target)) {
      throw new FlyteUserException("cannot write a parquet dataset to " + target
          + ": it exists and is not a directory; give a new or empty directory");
    }
    try (Stream<Path> entries = Files.list(target)) {
      if (entries.findAny().isPresent()) {
        throw new FlyteUserException("cannot write a parquet dataset to " + target
            + ": the directory is not empty; give a new or empty directory");
      }
    } catch (IOException e) {
      throw new FlyteSystemException("cannot inspect dataset directory " + target + ": " + e, e);
    }
  }
}
