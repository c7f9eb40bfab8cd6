package dev.shimkit.types.internal;

import dev.shimkit.types.TableColumn;
import dev.shimkit.types.TableCursor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Local scratch copies of datasets: deleting them, and cursors that delete theirs when closed. */
public final class LocalCopies {
  private LocalCopies() {
  }

  /** Deletes a file or a directory tree; failures are ignored (a leftover scratch file is harmless). */
  public static void deleteQuietly(Path path) {
    if (path == null || !Files.exists(path)) {
      return;
    }
    try (Stream<Path> all = Files.walk(path)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // best effort
        }
      });
    } catch (IOException ignored) {
      // best effort
    }
  }

  public static boolean isMissingOrEmptyDirectory(Path path) {
    if (!Files.exists(path)) {
      return true;
    }
    if (!Files.isDirectory(path)) {
      return false;
    }
    try (Stream<Path> children = Files.list(path)) {
      return children.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code cursor}, deleting {@code copy} after it is closed. */
  public static TableCursor deletingOnClose(TableCursor cursor, Path copy) {
    return new TableCursor() {
      @Override
      public List<TableColumn> columns() {
        return cursor.columns();
      }

      @Override
      public boolean next() {
        return cursor.next();
      }

      @Override
      public boolean isNull(int column) {
        return cursor.isNull(column);
      }

      @Override
      public boolean getBoolean(int column) {
        return cursor.getBoolean(column);
      }

      @Override
      public long getLong(int column) {
        return cursor.getLong(column);
      }

      @Override
      public double getDouble(int column) {
        return cursor.getDouble(column);
      }

      @Override
      public String getString(int column) {
        return cursor.getString(column);
      }

      @Override
      public byte[] getBytes(int column) {
        return cursor.getBytes(column);
      }

      @Override
      public LocalDate getDate(int column) {
        return cursor.getDate(column);
      }

      @Override
      public Instant getTimestamp(int column) {
        return cursor.getTimestamp(column);
      }

      @Override
      public Object get(int column) {
        return cursor.get(column);
      }

      @Override
      public void close() {
        try {
          cursor.close();
        } finally {
          deleteQuietly(copy);
        }
      }
    };
  }
}
