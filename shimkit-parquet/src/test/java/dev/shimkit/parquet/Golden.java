package dev.shimkit.parquet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;

/** Paths of flytekit's golden files and helpers to read their sources independently of the code under test. */
final class Golden {
  static final Path DIR = Path.of(System.getProperty("shimkit.repo.root", "."))
      .resolve("../shared/golden/flytekit-1.15.4").normalize();
  /** flytekit's part file {@code 00000} of the SQLite3Task's {@code results} dataset. */
  static final Path RESULTS_PART = DIR.resolve("exec_sqlite3/results_00000.parquet");
  static final Path EXAMPLE_DB_ZIP = DIR.resolve("example_db.zip");

  private Golden() {}

  /** The footer as parquet itself reads it, bypassing the module's reader. */
  static ParquetMetadata footer(Path file) {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
        ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
      return reader.getFooter();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a query against the SQLite database inside {@code example_db.zip} (unzipped into {@code work}). */
  static List<Object[]> query(Path work, String sql) throws IOException, SQLException {
    Path db = null;
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(EXAMPLE_DB_ZIP))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (!e.isDirectory()) {
          db = work.resolve("example.db");
          copy(zip, db);
          break;
        }
      }
    }
    if (db == null) {
      throw new IOException("no file in " + EXAMPLE_DB_ZIP);
    }
    List<Object[]> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
          row[i] = rs.getObject(i + 1);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static void copy(InputStream in, Path to) throws IOException {
    Files.copy(in, to);
  }
}
