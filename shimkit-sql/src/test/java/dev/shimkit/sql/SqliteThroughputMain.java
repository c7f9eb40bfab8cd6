package dev.shimkit.sql;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.storage.FileAccessProvider;
import dev.shimkit.types.StructuredDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Measures SQLite3Task throughput (rows of 3 columns: INTEGER, REAL, TEXT, into parquet) in-process, after
 * warm-up runs. Not a test: run it by hand, e.g. with the test class path and args {@code [rows] [runs]}.
 */
public final class SqliteThroughputMain {
  private SqliteThroughputMain() {
  }

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path dir = Files.createTempDirectory("sqlite-bench");
    Path db = TestDatabases.numbers(dir, rows);
    SQLite3Task task = SQLite3Task.builder("bench.numbers").query("select id, x, s from t").database(db.toString())
        .build();
    FlyteContext ctx = FlyteContext.root(FileAccessProvider.local(dir.resolve("sandbox")));
    try (FlyteContextManager.Scope scope = FlyteContextManager.push(ctx)) {
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        StructuredDataset sd = (StructuredDataset) task.localExecute(Map.of()).get("results");
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("run %d: %d rows in %.3f s = %.0f rows/s (%s)%n", i, rows, s, rows / s, sd.uri());
      }
    }
  }
}
