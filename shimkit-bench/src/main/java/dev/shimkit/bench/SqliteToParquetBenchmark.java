package dev.shimkit.bench;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.sql.SQLite3Task;
import dev.shimkit.types.StructuredDataset;
import dev.shimkit.types.StructuredDatasets;
import dev.shimkit.types.TableCursor;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A SQLite3Task's whole executor path on 1,000,000 rows (id INTEGER, name TEXT, score REAL): template to
 * executor, open the database read-only, run the query, type the columns, stream every row through sqlite-jdbc
 * into a snappy parquet dataset under the raw output prefix. The database is written in setup; the heap is
 * capped at 256 MiB to show the rows are streamed. Rows per second = 1,000,000 / score. With {@code -prof gc}
 * the allocation per operation shows what the row path allocates (strings and their UTF-8 bytes, parquet pages).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
@State(Scope.Benchmark)
public class SqliteToParquetBenchmark {
  public static final int ROWS = 1_000_000;

  private Path dir;
  private SQLite3Task task;
  private FlyteContext ctx;

  @Setup(Level.Trial)
  public void setUp() {
    dir = BenchData.tempDir("shimkit-bench-sqlite");
    Path db = BenchData.sqliteTable(dir.resolve("numbers.db"), ROWS);
    task = SQLite3Task.builder("bench.sqlite_to_parquet").query("select id, name, score from t")
        .database(db.toString()).build();
    ctx = BenchData.context(dir.resolve("sandbox"));
    try (TableCursor rows = StructuredDatasets.open(ctx, query1MRowsToParquet())) {
      long n = 0;
      while (rows.next()) {
        n++;
      }
      if (n != ROWS) {
        throw new IllegalStateException("the dataset has " + n + " rows, not " + ROWS);
      }
    }
  }

  @TearDown(Level.Iteration)
  public void cleanIteration() {
    BenchData.delete(dir.resolve("sandbox"));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    BenchData.delete(dir);
  }

  @Benchmark
  public StructuredDataset query1MRowsToParquet() {
    try (FlyteContextManager.Scope scope = FlyteContextManager.push(ctx)) {
      return (StructuredDataset) task.localExecute(Map.of()).get("results");
    }
  }
}
