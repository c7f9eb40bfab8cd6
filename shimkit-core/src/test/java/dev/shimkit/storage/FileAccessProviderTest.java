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
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAccessProviderTest {
  @TempDir Path tmp;

  @Test
  void schemeOfKnowsUrisFromPaths() {
    assertThat(FileAccessProvider.schemeOf("s3://bucket/key")).isEqualTo("s3");
    assertThat(FileAccessProvider.schemeOf("S3://bucket/key")).isEqualTo("s3");
    assertThat(FileAccessProvider.schemeOf("gs://b")).isEqualTo("gs");
    assertThat(FileAccessProvider.schemeOf("abfs+x.y-z://c")).isEqualTo("abfs+x.y-z");
    assertThat(FileAccessProvider.schemeOf("file:///tmp/x")).isEqualTo("file");
    assertThat(FileAccessProvider.schemeOf("file:/tmp/x")).isEqualTo("file");
    assertThat(FileAccessProvider.schemeOf("/tmp/x")).isEqualTo("file");
    assertThat(FileAccessProvider.schemeOf("relative/x")).isEqualTo("file");
    assertThat(FileAccessProvider.schemeOf("")).isEqualTo("file");
    // "://" inside a local path does not make a scheme
    assertThat(FileAccessProvider.schemeOf("/tmp/odd://name")).isEqualTo("file");
    assertThat(FileAccessProvider.schemeOf("my dir://x")).isEqualTo("file");
    assertThat(FileAccessProvider.schemeOf("://x")).isEqualTo("file");
    assertThat(FileAccessProvider.schemeOf("1s3://x")).isEqualTo("file");
  }

  @Test
  void isRemoteMeansAnyNonFileScheme() {
    assertThat(FileAccessProvider.isRemote("s3://b/k")).isTrue();
    assertThat(FileAccessProvider.isRemote("gs://b/k")).isTrue();
    assertThat(FileAccessProvider.isRemote("file:///tmp/x")).isFalse();
    assertThat(FileAccessProvider.isRemote("FILE:///tmp/x")).isFalse();
    assertThat(FileAccessProvider.isRemote("/tmp/x")).isFalse();
    assertThat(FileAccessProvider.isRemote("/tmp/odd://name")).isFalse();
  }

  @Test
  void joinUsesSingleSlashesAndKeepsTheScheme() {
    assertThat(FileAccessProvider.join("s3://b", "x", "y.pb")).isEqualTo("s3://b/x/y.pb");
    assertThat(FileAccessProvider.join("s3://b/", "/x/", "/y")).isEqualTo("s3://b/x/y");
    assertThat(FileAccessProvider.join("s3://b///", "x")).isEqualTo("s3://b/x");
    assertThat(FileAccessProvider.join("s3://", "bucket", "k")).isEqualTo("s3://bucket/k");
    assertThat(FileAccessProvider.join("file:///", "tmp", "x")).isEqualTo("file:///tmp/x");
    assertThat(FileAccessProvider.join("/", "tmp")).isEqualTo("/tmp");
    assertThat(FileAccessProvider.join("/data/", "a")).isEqualTo("/data/a");
    assertThat(FileAccessProvider.join("", "a", "b")).isEqualTo("a/b");
    assertThat(FileAccessProvider.join("s3://b/p", "", "/", "k")).isEqualTo("s3://b/p/k");
    assertThat(FileAccessProvider.join("s3://b/p")).isEqualTo("s3://b/p");
    assertThat(FileAccessProvider.join("s3://b", "a b/ü")).isEqualTo("s3://b/a b/ü");
  }

  @Test
  void trailingSlashesOfThePrefixAreDropped() {
    FileAccessProvider fap = new FileAccessProvider(tmp, "s3://bucket/raw/");
    assertThat(fap.rawOutputPrefix()).isEqualTo("s3://bucket/raw");
    assertThat(fap.withRawOutputPrefix("s3://other//").rawOutputPrefix()).isEqualTo("s3://other");
    assertThat(fap.withRawOutputPrefix("s3://other//").localSandboxDir()).isEqualTo(fap.localSandboxDir());
  }

  @Test
  void randomPathsAreFreshAndUnderTheirRoots() {
    FileAccessProvider fap = new FileAccessProvider(tmp.resolve("sandbox"), "s3://bucket/raw");
    assertThat(tmp.resolve("sandbox")).isDirectory();

    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      assertThat(seen.add(fap.getRandomRemoteDirectory())).isTrue();
    }
    assertThat(fap.getRandomRemoteDirectory()).matches("s3://bucket/raw/[0-9a-f]{32}");
    assertThat(fap.getRandomRemotePath("out.csv")).matches("s3://bucket/raw/[0-9a-f]{32}/out\\.csv");
    assertThat(fap.getRandomRemotePath(null)).matches("s3://bucket/raw/[0-9a-f]{32}");

    Path localPath = fap.getRandomLocalPath();
    assertThat(localPath).doesNotExist();
    assertThat(localPath.getParent()).isEqualTo(fap.localSandboxDir().resolve("local_flytekit"));
    Path dir = fap.getRandomLocalDirectory();
    assertThat(dir).isDirectory().startsWith(fap.localSandboxDir());
  }

  @Test
  void localSchemeIsFoundThroughServiceLoader() {
    FileAccessProvider fap = FileAccessProvider.local(tmp);
    assertThat(fap.persistenceFor("/tmp/x")).isInstanceOf(LocalDataPersistence.class);
    assertThat(fap.persistenceFor("file:///tmp/x")).isSameAs(fap.persistenceFor("/tmp/y"));
    // one provider instance per process, shared by copies
    assertThat(fap.withRawOutputPrefix("/elsewhere").persistenceFor("/x")).isSameAs(fap.persistenceFor("/x"));
  }

  @Test
  void unknownSchemeIsAClearError() {
    FileAccessProvider fap = FileAccessProvider.local(tmp);
    assertThatThrownBy(() -> fap.getData("gs://bucket/k", tmp.resolve("x"), false))
        .isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("gs://")
        .hasMessageContaining("class path");
    assertThatThrownBy(() -> fap.exists("s3://bucket/k"))
        .isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("shimkit-s3");
  }

  @Test
  void localRoundTripThroughTheRawOutputPrefix() throws IOException {
    FileAccessProvider fap = FileAccessProvider.local(tmp.resolve("sandbox"));
    Path dir = fap.getRandomLocalDirectory();
    Files.writeString(dir.resolve("part-0.csv"), "a,b\n1,2\n");
    Files.createDirectories(dir.resolve("nested"));
    Files.writeString(dir.resolve("nested/part-1.csv"), "3,4\n");

    String remote = fap.putData(dir, fap.getRandomRemoteDirectory(), true);
    assertThat(remote).startsWith(fap.rawOutputPrefix());
    assertThat(fap.exists(remote)).isTrue();
    assertThat(fap.exists(FileAccessProvider.join(remote, "nested", "part-1.csv"))).isTrue();

    Path back = fap.getData(remote, fap.getRandomLocalPath(), true);
    assertThat(back.resolve("part-0.csv")).hasContent("a,b\n1,2\n");
    assertThat(back.resolve("nested/part-1.csv")).hasContent("3,4\n");

    String pb = fap.putBytes(new byte[] {10, 3, 'a', 'b', 'c'}, FileAccessProvider.join(remote, "outputs.pb"));
    assertThat(fap.getBytes(pb)).containsExactly(10, 3, 'a', 'b', 'c');
  }

  @Test
  void anExplicitProviderWinsForItsSchemeAndDefaultBytesHelpersWork() {
    MemoryPersistence mem = new MemoryPersistence();
    FileAccessProvider fap = FileAccessProvider.local(tmp).withPersistence(mem);
    assertThat(fap.persistenceFor("mem://x")).isSameAs(mem);
    assertThat(fap.withRawOutputPrefix("mem://raw").persistenceFor("mem://y")).isSameAs(mem);
    assertThat(fap.persistenceFor("/local")).isInstanceOf(LocalDataPersistence.class);

    fap.putBytes("payload".getBytes(UTF_8), "mem://b/outputs.pb");
    assertThat(mem.objects).containsKey("mem://b/outputs.pb");
    assertThat(new String(fap.getBytes("mem://b/outputs.pb"), UTF_8)).isEqualTo("payload");
    assertThatThrownBy(() -> fap.getBytes("mem://b/missing.pb"))
        .isInstanceOfSatisfying(FlyteDataException.class, e -> assertThat(e.isNotFound()).isTrue())
        .hasMessageContaining("mem://b/missing.pb");
    assertThatThrownBy(() -> FileAccessProvider.local(tmp).exists("mem://b/outputs.pb"))
        .isInstanceOf(FlyteValidationException.class);
  }
}
