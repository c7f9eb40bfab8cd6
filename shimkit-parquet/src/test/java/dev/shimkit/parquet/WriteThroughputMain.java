package dev.shimkit.parquet;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rough write/read throughput for a 3-column table (id long, name string, score double). Not a test:
 * run by hand, prints figures only. Args: [rows] [output directory] [rounds] [read back: true|false].
 */
public final class WriteThroughputMain {
  private WriteThroughputMain() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
    Path parent = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("shimkit-parquet-bench");
    TableSchema schema = TableSchema.of(Column.of("id", ColumnType.INT64), Column.of("name", ColumnType.STRING),
        Column.of("score", ColumnType.DOUBLE));
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    boolean readBack = args.length <= 3 || Boolean.parseBoolean(args[3]);
    for (int round = 0; round < rounds; round++) {
      Path out = parent.resolve("round" + round);
      long start = System.nanoTime();
      DatasetSummary summary;
      try (ParquetDatasetWriter w = ParquetDatasetWriter.open(out, schema)) {
        for (long i = 0; i < rows; i++) {
          w.setLong(0, i).setString(1, "name-" + i).setDouble(2, i * 0.5).endRow();
        }
        summary = w.commit();
      }
      double writeSeconds = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      long checksum = 0;
      try (ParquetDatasetReader r = readBack ? ParquetDatasetReader.open(out) : null) {
        while (r != null && r.next()) {
          checksum += r.getLong(0) + r.getString(1).length();
        }
      }
      double readSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("round %d: wrote %,d rows in %.2f s = %,.0f rows/s; %d part(s), %,d bytes%s%n", round,
          summary.rows(), writeSeconds, summary.rows() / writeSeconds, summary.parts(), summary.bytes(),
          readBack ? String.format("; read back in %.2f s = %,.0f rows/s (checksum %d)", readSeconds,
              summary.rows() / readSeconds, checksum) : "");
    }
  }
}
