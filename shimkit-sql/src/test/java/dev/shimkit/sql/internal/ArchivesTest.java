package dev.shimkit.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteUserException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchivesTest {
  @TempDir
  Path dir;

  @Test
  void zipSlipEntryIsRefused() throws Exception {
    Path zip = dir.resolve("evil.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("../../evil.db"));
      out.write(new byte[] {1});
      out.closeEntry();
    }
    assertThatThrownBy(() -> Archives.extractSingleFile(zip, dir.resolve("x"), 1 << 20))
        .isInstanceOf(FlyteUserException.class).hasMessageContaining("unsafe entry '../../evil.db'");
    assertThat(dir.getParent().resolve("evil.db")).doesNotExist();
  }

  @Test
  void absoluteTarEntryIsRefused() throws Exception {
    Path tar = dir.resolve("abs.tar");
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
      TarArchiveEntry e = new TarArchiveEntry("/tmp/abs.db", true);
      e.setSize(1);
      out.putArchiveEntry(e);
      out.write(1);
      out.closeArchiveEntry();
    }
    assertThatThrownBy(() -> Archives.extractSingleFile(tar, dir.resolve("x"), 1 << 20))
        .isInstanceOf(FlyteUserException.class).hasMessageContaining("unsafe entry");
  }

  @Test
  void expansionBeyondTheLimitStops() throws Exception {
    Path zip = dir.resolve("bomb.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("big.db"));
      out.write(new byte[1 << 20]);
      out.closeEntry();
    }
    assertThat(Files.size(zip)).isLessThan(1 << 16);
    Path dest = dir.resolve("out");
    assertThatThrownBy(() -> Archives.extractSingleFile(zip, dest, 100_000))
        .isInstanceOf(FlyteUserException.class).hasMessageContaining("expands beyond the limit of 100000 bytes");
    assertThat(dest.resolve("big.db")).doesNotExist();
  }

  @Test
  void notAnArchiveIsAClearError() throws Exception {
    Path f = dir.resolve("plain.db");
    try (OutputStream out = Files.newOutputStream(f)) {
      out.write("SQLite format 3\0".getBytes());
    }
    assertThatThrownBy(() -> Archives.extractSingleFile(f, dir.resolve("x"), 1 << 20))
        .isInstanceOf(FlyteUserException.class).hasMessageContaining("not a zip, tar")
        .hasMessageContaining("compressed=false");
  }

  @Test
  void directoriesAreSkippedAndTheOneFileIsKept() throws Exception {
    Path zip = dir.resolve("nested.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("data/"));
      out.closeEntry();
      out.putNextEntry(new ZipEntry("data/my.db"));
      out.write(new byte[] {7, 8});
      out.closeEntry();
    }
    Path got = Archives.extractSingleFile(zip, dir.resolve("x"), 1 << 20);
    assertThat(got.getFileName().toString()).isEqualTo("my.db");
    assertThat(Files.readAllBytes(got)).containsExactly(7, 8);
  }
}
