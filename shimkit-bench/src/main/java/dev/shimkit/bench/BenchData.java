package dev.shimkit.bench;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.storage.FileAccessProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Deterministic inputs of the benchmarks, and a context on a scratch directory. */
public final class BenchData {
  private BenchData() {
  }

  public static List<Long> longs(int n) {
    List<Long> values = new ArrayList<>(n);
    for (long i = 0; i < n; i++) {
      values.add(i * 7919 - 500_000);
    }
    return values;
  }

  public static Map<String, Double> doublesByName(int n) {
    Map<String, Double> values = new LinkedHashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      values.put("key-" + i, i * 0.25 - 17.5);
    }
    return values;
  }

  public static List<BenchTasks.Sample> samples(int n) {
    List<BenchTasks.Sample> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(new BenchTasks.Sample(i, i * 1.5, "sample-" + i, List.of((long) i, i + 1L, i + 2L)));
    }
    return values;
  }

  /**
   * A SQLite database {@code db} with table {@code t(id INTEGER, name TEXT, score REAL)} of {@code rows} rows
   * (id {@code i}, name {@code "name-" || i}, score {@code i * 0.5}), written by SQLite itself in one statement.
   */
  public static Path sqliteTable(Path db, int rows) {
    try {
      Files.createDirectories(db.toAbsolutePath().getParent());
      Files.deleteIfExists(db);
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
        s.execute("create table t(id INTEGER, name TEXT, score REAL)");
        s.execute("with recursive r(i) as (select 0 union all select i + 1 from r where i + 1 < " + rows + ") "
            + "insert into t select i, 'name-' || i, i * 0.5 from r");
      }
      return db;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("creating " + db + ": " + e.getMessage(), e);
    }
  }

  /** A context whose local and raw-output storage is {@code dir}. */
  public static FlyteContext context(Path dir) {
    return FlyteContext.root(new FileAccessProvider(dir, dir.resolve("raw").toString()));
  }

  public static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code dir} and everything under it. */
  public static void delete(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
