package dev.shimkit.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.storage.FileAccessProvider;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Types.BlobType.BlobDimensionality;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files and directories: local outputs are uploaded, remote ones passed through, inputs fetched lazily. */
class BlobTest {
  private final TypeEngine engine = TypeEngine.get();
  @TempDir
  Path tmp;

  @Test
  void localFileIsUploadedUnderRawPrefixAndReadBackLazily() throws Exception {
    FlyteContext ctx = FlyteContext.root(new FileAccessProvider(tmp.resolve("sandbox"), tmp.resolve("raw").toString()));
    Path local = Files.writeString(tmp.resolve("hello.txt"), "hello flyte\n");
    Literal l = engine.toLiteral(ctx, "output 'o_file'", FlyteFile.of(local), FlyteFile.class, null);
    String uri = l.getScalar().getBlob().getUri();
    assertThat(uri).startsWith(tmp.resolve("raw").toString()).endsWith("/hello.txt");
    assertThat(l.getScalar().getBlob().getMetadata().getType().getDimensionality())
        .isEqualTo(BlobDimensionality.SINGLE);
    assertThat(Files.readString(Path.of(uri))).isEqualTo("hello flyte\n");

    FlyteFile in = engine.toJava(ctx, l, FlyteFile.class);
    Path downloaded = in.download();
    assertThat(downloaded).startsWith(tmp.resolve("sandbox")).isNotEqualTo(Path.of(uri));
    assertThat(Files.readString(downloaded)).isEqualTo("hello flyte\n");
    assertThat(in.localPath()).isEqualTo(downloaded); // fetched once
    // writing an input back does not upload it again
    assertThat(engine.toLiteral(ctx, in, FlyteFile.class, null)).isEqualTo(l);
  }

  @Test
  void remoteUriIsPassedThroughWithoutTouchingStorage() {
    FlyteContext ctx = GoldenFixtures.context(tmp);
    Literal l = engine.toLiteral(ctx, FlyteFile.of("s3://bucket/key/data.csv"), FlyteFile.class, null);
    assertThat(l.getScalar().getBlob().getUri()).isEqualTo("s3://bucket/key/data.csv");
  }

  @Test
  void directoryIsUploadedAsMultipart() throws Exception {
    FlyteContext ctx = FlyteContext.root(new FileAccessProvider(tmp.resolve("sandbox"), tmp.resolve("raw").toString()));
    Path dir = Files.createDirectories(tmp.resolve("d/sub"));
    Files.writeString(dir.resolve("a.txt"), "A");
    Literal l = engine.toLiteral(ctx, FlyteDirectory.of(tmp.resolve("d")), FlyteDirectory.class, null);
    assertThat(l.getScalar().getBlob().getMetadata().getType().getDimensionality())
        .isEqualTo(BlobDimensionality.MULTIPART);
    FlyteDirectory back = engine.toJava(ctx, l, FlyteDirectory.class);
    assertThat(Files.readString(back.download().resolve("sub/a.txt"))).isEqualTo("A");
    assertThatThrownBy(() -> engine.toJava(ctx, l, FlyteFile.class)).hasMessageContaining("a SINGLE blob");
  }

  @Test
  void missingLocalFileIsAClearError() {
    FlyteContext ctx = GoldenFixtures.context(tmp);
    assertThatThrownBy(() -> engine.toLiteral(ctx, "output 'f'", FlyteFile.of(tmp.resolve("nope.txt")),
        FlyteFile.class, null)).hasMessageContaining("output 'f': file").hasMessageContaining("does not exist");
  }

  @Test
  void filesInsideRecordsAreWrittenAsPathMaps() throws Exception {
    FlyteContext ctx = GoldenFixtures.context(tmp);
    record WithFile(String name, FlyteFile file) {
    }
    Literal l = engine.toLiteral(ctx, new WithFile("n", FlyteFile.of("s3://b/k")), WithFile.class, null);
    WithFile back = engine.toJava(ctx, l, WithFile.class);
    assertThat(back.file().path()).isEqualTo("s3://b/k");
    assertThat(back.name()).isEqualTo("n");
  }
}
