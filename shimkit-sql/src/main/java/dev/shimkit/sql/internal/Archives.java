package dev.shimkit.sql.internal;

import dev.shimkit.errors.FlyteUserException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Unpacks the single file of a database archive: zip, tar, tar.gz, tar.bz2 or tar.xz (the formats flytekit's
 * {@code shutil.unpack_archive} knows), recognised by their first bytes rather than their names. Safe against
 * hostile archives: entry names that are absolute or climb out with {@code ..} are refused (zip slip), links
 * are refused, the expanded size is capped, and reading stops at the second file.
 */
public final class Archives {
  /** Default cap on the expanded size: 16 GiB. */
  public static final long DEFAULT_MAX_EXTRACTED_BYTES = 16L << 30;
  private static final String CODE = "USER:ArchiveError";

  private enum Kind { ZIP, TAR, GZIP, BZIP2, XZ }

  private Archives() {
  }

  /**
   * Extracts the one regular file of {@code archive} into {@code destDir} and returns its path.
   *
   * @throws FlyteUserException if the archive is not one of the formats, holds no file or more than one, has
   *     an unsafe entry, or expands beyond {@code maxBytes}
   */
  public static Path extractSingleFile(Path archive, Path destDir, long maxBytes) {
    try {
      Files.createDirectories(destDir);
      Kind kind = detect(archive);
      try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive), 1 << 16)) {
        return switch (kind) {
          case ZIP -> fromZip(archive, raw, destDir, maxBytes);
          case TAR -> fromTar(archive, raw, destDir, maxBytes);
          case GZIP -> fromTar(archive, new GZIPInputStream(raw, 1 << 16), destDir, maxBytes);
          case BZIP2 -> fromTar(archive, new BZip2CompressorInputStream(raw, true), destDir, maxBytes);
          case XZ -> fromTar(archive, new XZInputStream(raw), destDir, maxBytes);
        };
      }
    } catch (IOException e) {
      throw new FlyteUserException(CODE, "Cannot unpack the database archive " + archive.getFileName() + ": " + e
          + ". Give a zip, tar, tar.gz, tar.bz2 or tar.xz archive holding exactly one SQLite file, or set "
          + "compressed=false for a plain database file", e);
    }
  }

  private static Kind detect(Path archive) throws IOException {
    byte[] head = new byte[512];
    int n;
    try (InputStream in = Files.newInputStream(archive)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (n >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5)) {
      return Kind.ZIP;
    }
    if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return Kind.GZIP;
    }
    if (n >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') {
      return Kind.BZIP2;
    }
    if (n >= 6 && (head[0] & 0xff) == 0xfd && head[1] == '7' && head[2] == 'z' && head[3] == 'X' && head[4] == 'Z'
        && head[5] == 0) {
      return Kind.XZ;
    }
    if (n >= 262 && head[257] == 'u' && head[258] == 's' && head[259] == 't' && head[260] == 'a'
        && head[261] == 'r') {
      return Kind.TAR;
    }
    throw new FlyteUserException(CODE, "The database archive " + archive.getFileName() + " is not a zip, tar, "
        + "tar.gz, tar.bz2 or tar.xz archive (compressed=true). Set compressed=false for a plain SQLite file", null);
  }

  private static Path fromZip(Path archive, InputStream raw, Path destDir, long maxBytes) throws IOException {
    List<String> files = new ArrayList<>();
    Path out = null;
    try (ZipInputStream zip = new ZipInputStream(raw)) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        String name = checkName(archive, e.getName());
        if (e.isDirectory()) {
          continue;
        }
        files.add(name);
        if (files.size() > 1) {
          throw notSingle(archive, files);
        }
        out = copy(archive, zip, destDir, name, maxBytes);
      }
    }
    if (out == null) {
      throw notSingle(archive, files);
    }
    return out;
  }

  private static Path fromTar(Path archive, InputStream raw, Path destDir, long maxBytes) throws IOException {
    List<String> files = new ArrayList<>();
    Path out = null;
    try (TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        String name = checkName(archive, e.getName());
        if (e.isDirectory()) {
          continue;
        }
        if (e.isSymbolicLink() || e.isLink()) {
          throw new FlyteUserException(CODE, "The database archive " + archive.getFileName() + " holds a link ("
              + name + " -> " + e.getLinkName() + "); links are refused: archive the database file itself", null);
        }
        if (!e.isFile()) {
          throw new FlyteUserException(CODE, "The database archive " + archive.getFileName() + " holds '" + name
              + "', which is not a regular file; archive only the database file", null);
        }
        files.add(name);
        if (files.size() > 1) {
          throw notSingle(archive, files);
        }
        if (e.getSize() > maxBytes) {
          throw tooLarge(archive, maxBytes);
        }
        out = copy(archive, tar, destDir, name, maxBytes);
      }
    }
    if (out == null) {
      throw notSingle(archive, files);
    }
    return out;
  }

  /** Refuses names that are absolute or climb out of the extraction directory. */
  private static String checkName(Path archive, String name) {
    String n = name.replace('\\', '/');
    boolean climbs = false;
    for (String part : n.split("/")) {
      climbs |= part.equals("..");
    }
    if (n.startsWith("/") || climbs || (n.length() > 1 && n.charAt(1) == ':') || n.indexOf('\0') >= 0) {
      throw new FlyteUserException(CODE, "The database archive " + archive.getFileName() + " has an unsafe entry '"
          + name + "' (absolute, or climbing out with '..'); refusing to extract it", null);
    }
    return n;
  }

  private static Path copy(Path archive, InputStream in, Path destDir, String name, long maxBytes)
      throws IOException {
    String base = name.substring(name.lastIndexOf('/') + 1);
    Path target = destDir.resolve(base).normalize();
    if (!target.startsWith(destDir.normalize()) || base.isEmpty()) {
      throw new FlyteUserException(CODE, "Unsafe entry '" + name + "' in " + archive.getFileName(), null);
    }
    byte[] buf = new byte[1 << 16];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
      int r;
      while ((r = in.read(buf)) > 0) {
        total += r;
        if (total > maxBytes) {
          out.close();
          Files.deleteIfExists(target);
          throw tooLarge(archive, maxBytes);
        }
        out.write(buf, 0, r);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return target;
  }

  private static FlyteUserException notSingle(Path archive, List<String> files) {
    return new FlyteUserException(CODE, "The database archive " + archive.getFileName() + " should contain exactly "
        + "one file (the SQLite database) - found " + (files.isEmpty() ? "none" : files
        + (files.size() > 1 ? " and stopped reading there" : "")) + ". Archive only the database file", null);
  }

  private static FlyteUserException tooLarge(Path archive, long maxBytes) {
    return new FlyteUserException(CODE, "The database archive " + archive.getFileName() + " expands beyond the limit "
        + "of " + maxBytes + " bytes; refusing to extract more. Raise the limit (maxExtractedBytes) if the "
        + "database really is that large", null);
  }
}
