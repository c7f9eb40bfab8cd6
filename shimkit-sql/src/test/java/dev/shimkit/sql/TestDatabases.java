package dev.shimkit.sql;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Real SQLite files and archives of them for tests. */
final class TestDatabases {
  static final byte[] BLOB = {0, 1, 2, (byte) 0xff, 'x'};

  private TestDatabases() {
  }

  /**
   * {@code mixed(id INTEGER, score REAL, name TEXT, payload BLOB, note)} with 4 rows: every storage class, NULLs
   * in every column, a big integer, unicode; plus {@code empty(a INTEGER, b TEXT)} with no rows.
   */
  static Path mixed(Path dir) throws SQLException, IOException {
    Files.createDirectories(dir);
    Path db = dir.resolve("mixed.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
      s.execute("create table mixed(id INTEGER, score REAL, name TEXT, payload BLOB, note)");
      s.execute("create table empty(a INTEGER, b TEXT)");
      try (PreparedStatement ps = c.prepareStatement("insert into mixed values (?, ?, ?, ?, ?)")) {
        row(ps, 1L, 1.5, "alpha", BLOB, "n1");
        row(ps, 2L, null, "béta ✓", null, null);
        row(ps, 9_007_199_254_740_993L, -0.25, null, new byte[0], "n3");
        row(ps, null, 3.0, "O'Brien", BLOB, null);
      }
    }
    return db;
  }

  private static void row(PreparedStatement ps, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      ps.setObject(i + 1, values[i]);
    }
    ps.executeUpdate();
  }

  /** {@code n} rows of (id INTEGER, x REAL, s TEXT). */
  static Path numbers(Path dir, int n) throws SQLException, IOException {
    Files.createDirectories(dir);
    Path db = dir.resolve("numbers.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
      s.execute("create table t(id INTEGER, x REAL, s TEXT)");
      s.execute("with recursive r(i) as (select 0 union all select i + 1 from r where i + 1 < " + n + ") "
          + "insert into t select i, i * 0.5, 'row' || i from r");
    }
    return db;
  }

  enum Format { ZIP, TAR, TAR_GZ, TAR_BZ2, TAR_XZ }

  static String extension(Format f) {
    return switch (f) {
      case ZIP -> ".zip";
      case TAR -> ".tar";
      case TAR_GZ -> ".tar.gz";
      case TAR_BZ2 -> ".tar.bz2";
      case TAR_XZ -> ".tar.xz";
    };
  }

  /** An archive of the given entries (name, content pairs). */
  static Path archive(Path out, Format format, Object... entries) throws IOException {
    Files.createDirectories(out.getParent());
    try (OutputStream file = Files.newOutputStream(out)) {
      if (format == Format.ZIP) {
        try (ZipOutputStream zip = new ZipOutputStream(file)) {
          for (int i = 0; i < entries.length; i += 2) {
            zip.putNextEntry(new ZipEntry((String) entries[i]));
            zip.write(bytes(entries[i + 1]));
            zip.closeEntry();
          }
        }
        return out;
      }
      OutputStream compressed = switch (format) {
        case TAR -> file;
        case TAR_GZ -> new GZIPOutputStream(file);
        case TAR_BZ2 -> new BZip2CompressorOutputStream(file);
        case TAR_XZ -> new XZOutputStream(file, new LZMA2Options());
        default -> throw new IllegalArgumentException();
      };
      try (TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed)) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        for (int i = 0; i < entries.length; i += 2) {
          byte[] data = bytes(entries[i + 1]);
          TarArchiveEntry e = new TarArchiveEntry((String) entries[i]);
          e.setSize(data.length);
          tar.putArchiveEntry(e);
          tar.write(data);
          tar.closeArchiveEntry();
        }
      }
    }
    return out;
  }

  private static byte[] bytes(Object content) throws IOException {
    return content instanceof Path p ? Files.readAllBytes(p) : (byte[]) content;
  }

  /** A tar holding a symbolic link. */
  static Path tarWithLink(Path out) throws IOException {
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(out))) {
      TarArchiveEntry e = new TarArchiveEntry("db.sqlite", TarArchiveEntry.LF_SYMLINK);
      e.setLinkName("/etc/passwd");
      tar.putArchiveEntry(e);
      tar.closeArchiveEntry();
    }
    return out;
  }
}
