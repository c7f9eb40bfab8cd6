package dev.shimkit.sql.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * Copies sqlite-jdbc's native library for this machine out of the driver jar into the directory given as the
 * only argument, once, at image build ({@code bin/shimkit-cds-archive}). Without it the driver extracts the
 * library (about 1 MiB) to the temporary directory and compares it byte by byte in every task process, about
 * 45 ms of a SQLite3Task's start; {@code bin/shimkit-execute} points the driver at the copy
 * ({@code org.sqlite.lib.path}) when the directory's name matches the driver jar's version. Exits 1 (and
 * leaves nothing) when this JVM cannot load the copy.
 */
public final class SqliteNativeLibrary {
  private SqliteNativeLibrary() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: SqliteNativeLibrary <directory>");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    String name = System.mapLibraryName("sqlitejdbc");
    String resource = "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
    Path target = dir.resolve(name);
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        System.err.println("SqliteNativeLibrary: sqlite-jdbc " + SQLiteJDBCLoader.getVersion() + " has no " + resource);
        System.exit(1);
      }
      Files.createDirectories(dir);
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    try {
      System.load(target.toAbsolutePath().toString());
    } catch (UnsatisfiedLinkError e) {
      Files.deleteIfExists(target);
      System.err.println("SqliteNativeLibrary: this JVM cannot load " + resource + ": " + e.getMessage());
      System.exit(1);
    }
    System.out.println(target);
  }
}
