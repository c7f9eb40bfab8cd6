package dev.shimkit.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteDataException;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.storage.internal.LocalDataPersistence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDataPersistenceTest {
  private final LocalDataPersistence local = new LocalDataPersistence();

  @TempDir Path tmp;

  @Test
  void putsAndGetsAFileByPlainPath() throws IOException {
    Path src = write(tmp.resolve("in/a.txt"), "hello");
    String remote = tmp.resolve("store/deep/a.txt").toString();

    local.put(src, remote, false);
    Path back = tmp.resolve("back/a.txt");
    local.get(remote, back, false);

    assertThat(Files.readString(back)).isEqualTo("hello");
    assertThat(local.exists(remote)).isTrue();
    assertNoTempFiles(tmp);
  }

  @Test
  void overwritesAnExistingFileWhole() throws IOException {
    Path target = write(tmp.resolve("store/a.txt"), "old content that is longer");
    local.put(write(tmp.resolve("a.txt"), "new"), target.toString(), false);
    assertThat(Files.readString(target)).isEqualTo("new");
  }

  @Test
  void understandsFileUris() throws IOException {
    Path spaced = write(tmp.resolve("dir with space/ü.txt"), "x");
    String abs = spaced.toAbsolutePath().toString();

    assertThat(LocalDataPersistence.toPath("file://" + abs)).isEqualTo(spaced);
    assertThat(LocalDataPersistence.toPath("file://localhost" + abs)).isEqualTo(spaced);
    assertThat(LocalDataPersistence.toPath("file:" + abs)).isEqualTo(spaced);
    assertThat(LocalDataPersistence.toPath("FILE://" + abs)).isEqualTo(spaced);
    // Path.toUri() percent-encodes; such a URI is decoded
    assertThat(LocalDataPersistence.toPath(spaced.toUri().toString())).isEqualTo(spaced);
    assertThat(spaced.toUri().toString()).contains("%20");

    Path back = tmp.resolve("back.txt");
    local.get(spaced.toUri().toString(), back, false);
    assertThat(Files.readString(back)).isEqualTo("x");
    local.put(back, "file://" + tmp.resolve("via uri/out.txt"), false);
    assertThat(tmp.resolve("via uri/out.txt")).hasContent("x");
  }

  @Test
  void rejectsFileUriWithAHost() {
    assertThatThrownBy(() -> LocalDataPersistence.toPath("file://server/share/x"))
        .isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("file://server/share/x")
        .hasMessageContaining("file:///absolute/path");
  }

  @Test
  void copiesDirectoriesWithTheirStructure() throws IOException {
    Path src = tmp.resolve("src");
    write(src.resolve("a.txt"), "A");
    write(src.resolve("sub/b.txt"), "B");
    write(src.resolve("sub/deeper/c.bin"), "C");
    Files.createDirectories(src.resolve("empty"));
    String remote = tmp.resolve("store/dir").toUri().toString();

    local.put(src, remote, true);
    Path back = tmp.resolve("back");
    local.get(remote, back, true);

    assertThat(back.resolve("a.txt")).hasContent("A");
    assertThat(back.resolve("sub/b.txt")).hasContent("B");
    assertThat(back.resolve("sub/deeper/c.bin")).hasContent("C");
    assertThat(back.resolve("empty")).isDirectory();
    assertNoTempFiles(tmp);
  }

  @Test
  void mergesADirectoryIntoAnExistingOne() throws IOException {
    Path target = tmp.resolve("store");
    write(target.resolve("keep.txt"), "kept");
    write(target.resolve("sub/b.txt"), "old");
    Path src = tmp.resolve("src");
    write(src.resolve("sub/b.txt"), "new");
    write(src.resolve("c.txt"), "C");

    local.put(src, target.toString(), true);

    assertThat(target.resolve("keep.txt")).hasContent("kept");
    assertThat(target.resolve("sub/b.txt")).hasContent("new");
    assertThat(target.resolve("c.txt")).hasContent("C");
    assertNoTempFiles(tmp);
  }

  @Test
  void aDirectoryWithoutMultipartIsAClearNonRecoverableError() throws IOException {
    Path src = tmp.resolve("src");
    write(src.resolve("a.txt"), "A");
    String remote = tmp.resolve("store/x").toString();

    assertThatThrownBy(() -> local.put(src, remote, false))
        .isInstanceOfSatisfying(FlyteDataException.class, e -> assertThat(e.isRecoverable()).isFalse())
        .hasMessageContaining(remote)
        .hasMessageContaining("multipart=true");
    assertThat(Path.of(remote)).doesNotExist();
  }

  @Test
  void missingSourceIsNotFoundNamingTheUri() {
    String missing = tmp.resolve("nope/missing.pb").toUri().toString();

    assertThatThrownBy(() -> local.get(missing, tmp.resolve("x"), false))
        .isInstanceOfSatisfying(FlyteDataException.class, e -> {
          assertThat(e.isNotFound()).isTrue();
          assertThat(e.errorCode()).isEqualTo(FlyteDataException.NOT_FOUND_CODE);
          assertThat(e.isRecoverable()).isFalse();
        })
        .hasMessageContaining(missing);
    assertThatThrownBy(() -> local.get(missing, tmp.resolve("x"), true))
        .isInstanceOfSatisfying(FlyteDataException.class, e -> assertThat(e.isNotFound()).isTrue());
    assertThatThrownBy(() -> local.getBytes(missing))
        .isInstanceOfSatisfying(FlyteDataException.class, e -> assertThat(e.isNotFound()).isTrue())
        .hasMessageContaining(missing);
    Path missingLocal = tmp.resolve("gone.txt");
    assertThatThrownBy(() -> local.put(missingLocal, tmp.resolve("t").toString(), false))
        .isInstanceOfSatisfying(FlyteDataException.class, e -> assertThat(e.isNotFound()).isTrue())
        .hasMessageContaining(missingLocal.toString());
    assertThat(tmp.resolve("x")).doesNotExist();
    assertThat(local.exists(missing)).isFalse();
  }

  @Test
  void aDirectoryThatFailsMidwayLeavesNoTarget() throws IOException {
    Path src = tmp.resolve("src");
    write(src.resolve("a.txt"), "A");
    write(src.resolve("b/c.txt"), "C");
    // a link whose target is gone: reading it fails in the middle of the copy, deterministically
    Files.createSymbolicLink(src.resolve("b/broken.txt"), tmp.resolve("does-not-exist"));
    write(src.resolve("z.txt"), "Z");
    Path store = Files.createDirectories(tmp.resolve("store"));
    String remote = store.resolve("out").toString();

    assertThatThrownBy(() -> local.put(src, remote, true))
        .isInstanceOfSatisfying(FlyteDataException.class,
            e -> assertThat(e.errorCode()).isEqualTo(FlyteDataException.UPLOAD_CODE))
        .hasMessageContaining(remote);

    assertThat(Path.of(remote)).doesNotExist();
    try (Stream<Path> left = Files.list(store)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aFileThatCannotBeMovedIntoPlaceLeavesTheTargetUntouched() throws IOException {
    Path target = tmp.resolve("store/taken");
    write(target.resolve("inside.txt"), "i");
    Path src = write(tmp.resolve("a.txt"), "A");

    assertThatThrownBy(() -> local.put(src, target.toString(), false))
        .isInstanceOf(FlyteDataException.class)
        .hasMessageContaining(target.toString());

    assertThat(target).isDirectory();
    assertThat(target.resolve("inside.txt")).hasContent("i");
    try (Stream<Path> left = Files.list(target.getParent())) {
      assertThat(left).containsExactly(target);
    }
  }

  @Test
  void bytesRoundTripAndReplaceWhole() {
    String uri = tmp.resolve("out/outputs.pb").toString();
    local.putBytes("first version".getBytes(UTF_8), uri);
    local.putBytes("second".getBytes(UTF_8), uri);
    assertThat(new String(local.getBytes(uri), UTF_8)).isEqualTo("second");
    assertNoTempFiles(tmp);
  }

  @Test
  void sameSourceAndTargetIsANoOp() throws IOException {
    Path file = write(tmp.resolve("a.txt"), "A");
    local.put(file, file.toUri().toString(), false);
    local.get(file.toString(), file, false);
    assertThat(file).hasContent("A");
  }

  static Path write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  static void assertNoTempFiles(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      List<String> parts = walk.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part")).toList();
      assertThat(parts).as("temporary files left behind").isEmpty();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
