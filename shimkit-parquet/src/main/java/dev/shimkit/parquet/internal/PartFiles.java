package dev.shimkit.parquet.internal;

import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.FlyteUserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Naming and finding part files. flytekit names the single part of a dataset {@code 00000}; we number parts
 * the same way. When reading, every regular file whose name does not start with {@code .} or {@code _} is a
 * part ({@code _SUCCESS}, {@code _metadata}, hidden and temporary files are not), in name order, all-digit
 * names by number so that {@code 100000} follows {@code 99999}.
 */
public final class PartFiles {
  private static final Comparator<String> PART_ORDER = (a, b) -> {
    boolean da = isDigits(a);
    boolean db = isDigits(b);
    if (da && db && a.length() != b.length()) {
      return Integer.compare(a.length(), b.length());
    }
    return a.compareTo(b);
  };

  private PartFiles() {}

  /** {@code 00000}, {@code 00001}, ... */
  public static String partName(int index) {
    return String.format("%05d", index);
  }

  /** The part files of a dataset directory in read order, or the file itself when given a file. */
  public static List<Path> list(Path fileOrDirectory) {
    if (Files.isRegularFile(fileOrDirectory)) {
      return List.of(fileOrDirectory);
    }
    if (!Files.isDirectory(fileOrDirectory)) {
      throw new FlyteUserException("parquet dataset " + fileOrDirectory
          + " does not exist; expected a directory of part files or a single parquet file");
    }
    List<Path> parts;
    try (Stream<Path> entries = Files.list(fileOrDirectory)) {
      parts = entries.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("_"))
          .sorted(Comparator.comparing(p -> p.getFileName().toString(), PART_ORDER))
          .toList();
    } catch (IOException e) {
      throw new FlyteSystemException("cannot list parquet dataset directory " + fileOrDirectory + ": " + e, e);
    }
    if (parts.isEmpty()) {
      throw new FlyteUserException("parquet dataset directory " + fileOrDirectory
          + " holds no part files; a dataset (even an empty one) has at least one parquet file with its schema");
    }
    return parts;
  }

  private static boolean isDigits(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
