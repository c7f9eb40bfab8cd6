package dev.shimkit.bench;

import dev.shimkit.parquet.Column;
import dev.shimkit.parquet.ColumnType;
import dev.shimkit.parquet.DatasetSummary;
import dev.shimkit.parquet.ParquetDatasetWriter;
import dev.shimkit.parquet.TableSchema;
import java.nio.file.Path;
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
 * 1,000,000 rows (id long, name string, score double) streamed into a parquet dataset with the default
 * options (snappy), every name distinct as rows from a query would be: the writing half of a query-to-parquet task. The heap is capped at 256 MiB to show the
 * writer is streamed, not materialised.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
@State(Scope.Benchmark)
public class ParquetWriteBenchmark {
  public static final int ROWS = 1_000_000;
  private static final TableSchema SCHEMA = TableSchema.of(Column.of("id", ColumnType.INT64),
      Column.of("name", ColumnType.STRING), Column.of("score", ColumnType.DOUBLE));

  private Path root;
  private int run;

  @Setup(Level.Trial)
  public void setUp() {
    root = BenchData.tempDir("shimkit-bench-parquet");
  }

  @TearDown(Level.Iteration)
  public void cleanIteration() {
    BenchData.delete(root);
    root = BenchData.tempDir("shimkit-bench-parquet");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    BenchData.delete(root);
  }

  @Benchmark
  public DatasetSummary write1MRows() {
    Path dir = root.resolve("dataset-" + run++);
    try (ParquetDatasetWriter writer = ParquetDatasetWriter.open(dir, SCHEMA)) {
      for (int i = 0; i < ROWS; i++) {
        writer.setLong(0, i).setString(1, "name-" + i).setDouble(2, i * 0.5).endRow();
      }
      DatasetSummary summary = writer.commit();
      if (summary.rows() != ROWS) {
        throw new IllegalStateException("wrote " + summary.rows() + " rows");
      }
      return summary;
    }
  }
}
