package dev.shimkit.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteDataException;
import dev.shimkit.errors.FlyteValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

class S3DataPersistenceTest {
  static S3TestServer server;
  static S3Client raw;
  static S3DataPersistence s3;
  static int bucketCounter;

  @TempDir Path tmp;
  String bucket;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3TestServer.start();
    raw = server.client();
    s3 = new S3DataPersistence(server.settings());
  }

  @AfterAll
  static void stopServer() throws Exception {
    s3.close();
    raw.close();
    server.close();
  }

  @BeforeEach
  void freshBucket() {
    bucket = "bucket-" + (++bucketCounter);
    raw.createBucket(b -> b.bucket(bucket));
  }

  @Test
  void putsAndGetsAFile() throws IOException {
    Path src = write(tmp.resolve("in/data.csv"), "a,b\n1,2\n");
    String uri = "s3://" + bucket + "/runs/r1/data.csv";

    s3.put(src, uri, false);
    assertThat(raw.getObjectAsBytes(b -> b.bucket(bucket).key("runs/r1/data.csv")).asUtf8String())
        .isEqualTo("a,b\n1,2\n");

    Path back = tmp.resolve("out/deep/data.csv");
    s3.get(uri, back, false);
    assertThat(back).hasContent("a,b\n1,2\n");
    assertNoTempFiles(tmp);
  }

  @Test
  void putsAndGetsADirectoryKeepingRelativeKeys() throws IOException {
    Path src = tmp.resolve("src");
    write(src.resolve("a.txt"), "A");
    write(src.resolve("sub/b.txt"), "B");
    write(src.resolve("sub/deeper/c d.txt"), "C");
    String uri = "s3://" + bucket + "/out/dir";
    // a sibling whose key starts with the same characters must not be taken as part of the directory
    raw.putObject(b -> b.bucket(bucket).key("out/dirx/other.txt"), RequestBody.fromString("no"));

    s3.put(src, uri, true);

    assertThat(keys("out/dir/")).containsExactlyInAnyOrder(
        "out/dir/a.txt", "out/dir/sub/b.txt", "out/dir/sub/deeper/c d.txt");
    Path back = tmp.resolve("back");
    s3.get(uri, back, true);
    assertThat(back.resolve("a.txt")).hasContent("A");
    assertThat(back.resolve("sub/b.txt")).hasContent("B");
    assertThat(back.resolve("sub/deeper/c d.txt")).hasContent("C");
    try (Stream<Path> walk = Files.walk(back)) {
      assertThat(walk.filter(Files::isRegularFile).count()).isEqualTo(3);
    }
    // a trailing slash names the same directory
    Path again = tmp.resolve("again");
    s3.get(uri + "/", again, true);
    assertThat(again.resolve("sub/b.txt")).hasContent("B");
  }

  @Test
  void getsAWholeBucketAndSkipsFolderMarkers() throws IOException {
    raw.putObject(b -> b.bucket(bucket).key("x/"), RequestBody.empty());
    raw.putObject(b -> b.bucket(bucket).key("x/y.txt"), RequestBody.fromString("Y"));
    raw.putObject(b -> b.bucket(bucket).key("top.txt"), RequestBody.fromString("T"));

    Path back = tmp.resolve("all");
    s3.get("s3://" + bucket, back, true);

    assertThat(back.resolve("x/y.txt")).hasContent("Y");
    assertThat(back.resolve("top.txt")).hasContent("T");
  }

  @Test
  void existsForObjectsPrefixesAndBuckets() {
    raw.putObject(b -> b.bucket(bucket).key("p/q/r.txt"), RequestBody.fromString("R"));

    assertThat(s3.exists("s3://" + bucket + "/p/q/r.txt")).isTrue();
    assertThat(s3.exists("s3://" + bucket + "/p/q")).isTrue();
    assertThat(s3.exists("s3://" + bucket + "/p/")).isTrue();
    assertThat(s3.exists("s3://" + bucket)).isTrue();
    assertThat(s3.exists("s3://" + bucket + "/p/q/r")).isFalse();
    assertThat(s3.exists("s3://" + bucket + "/nothing")).isFalse();
    assertThat(s3.exists("s3://no-such-bucket-here/x")).isFalse();
    assertThat(s3.exists("s3://no-such-bucket-here")).isFalse();
  }

  @Test
  void missingObjectIsNotFoundNamingTheUri() {
    String uri = "s3://" + bucket + "/missing/outputs.pb";
    Path target = tmp.resolve("x.pb");

    assertThatThrownBy(() -> s3.get(uri, target, false))
        .isInstanceOfSatisfying(FlyteDataException.class, e -> {
          assertThat(e.isNotFound()).isTrue();
          assertThat(e.isRecoverable()).isFalse();
        })
        .hasMessageContaining(uri);
    assertThatThrownBy(() -> s3.getBytes(uri))
        .isInstanceOfSatisfying(FlyteDataException.class, e -> assertThat(e.isNotFound()).isTrue())
        .hasMessageContaining(uri);
    assertThatThrownBy(() -> s3.get("s3://" + bucket + "/missing/", target, true))
        .isInstanceOfSatisfying(FlyteDataException.class, e -> assertThat(e.isNotFound()).isTrue());
    assertThatThrownBy(() -> s3.get("s3://no-such-bucket-here/k", target, false))
        .isInstanceOfSatisfying(FlyteDataException.class, e -> assertThat(e.isNotFound()).isTrue())
        .hasMessageContaining("s3://no-such-bucket-here/k");
    assertThat(target).doesNotExist();
    assertNoTempFiles(tmp);
  }

  @Test
  void uploadToAMissingBucketSaysSo() throws IOException {
    Path src = write(tmp.resolve("a.txt"), "A");
    assertThatThrownBy(() -> s3.put(src, "s3://no-such-bucket-here/a.txt", false))
        .isInstanceOfSatisfying(FlyteDataException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(FlyteDataException.UPLOAD_CODE);
          assertThat(e.isRecoverable()).isFalse();
        })
        .hasMessageContaining("s3://no-such-bucket-here/a.txt")
        .hasMessageContaining("bucket does not exist");
  }

  @Test
  void missingLocalSourceIsNotFound() {
    Path missing = tmp.resolve("gone.txt");
    assertThatThrownBy(() -> s3.put(missing, "s3://" + bucket + "/gone.txt", false))
        .isInstanceOfSatisfying(FlyteDataException.class, e -> assertThat(e.isNotFound()).isTrue())
        .hasMessageContaining(missing.toString());
  }

  @Test
  void directoryWithoutMultipartIsRefused() throws IOException {
    Path src = tmp.resolve("src");
    write(src.resolve("a.txt"), "A");
    assertThatThrownBy(() -> s3.put(src, "s3://" + bucket + "/d", false))
        .isInstanceOf(FlyteDataException.class)
        .hasMessageContaining("multipart=true");
    assertThat(keys("")).isEmpty();
  }

  @Test
  void overwritesAnObject() throws IOException {
    String uri = "s3://" + bucket + "/o.txt";
    s3.put(write(tmp.resolve("1.txt"), "first, longer version"), uri, false);
    s3.put(write(tmp.resolve("2.txt"), "second"), uri, false);

    Path back = write(tmp.resolve("back.txt"), "stale local content");
    s3.get(uri, back, false);
    assertThat(back).hasContent("second");
  }

  @Test
  void keysWithSpacesAndUnicodeAreTakenLiterally() throws IOException {
    String key = "a dir/ünï cödé 文件 +%20&=.txt";
    String uri = "s3://" + bucket + "/" + key;
    s3.put(write(tmp.resolve("u.txt"), "unicode"), uri, false);

    assertThat(keys("")).containsExactly(key);
    assertThat(s3.exists(uri)).isTrue();
    assertThat(new String(s3.getBytes(uri), UTF_8)).isEqualTo("unicode");
    Path back = tmp.resolve("dir/ünï.txt");
    s3.get(uri, back, false);
    assertThat(back).hasContent("unicode");

    Path dirBack = tmp.resolve("dirback");
    s3.get("s3://" + bucket + "/a dir", dirBack, true);
    assertThat(dirBack.resolve("ünï cödé 文件 +%20&=.txt")).hasContent("unicode");
  }

  @Test
  void largeFileStreamsUpInPartsAndBack() throws Exception {
    Path big = tmp.resolve("big.bin");
    long size = 20L * 1024 * 1024 + 12_345; // four 5 MiB parts and a short fifth
    Random random = new Random(42);
    byte[] chunk = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(big)) {
      for (long written = 0; written < size; written += chunk.length) {
        random.nextBytes(chunk);
        out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
      }
    }
    String uri = "s3://" + bucket + "/big/big.bin";

    s3.put(big, uri, false);

    var head = raw.headObject(b -> b.bucket(bucket).key("big/big.bin"));
    assertThat(head.contentLength()).isEqualTo(size);
    assertThat(head.eTag()).as("a multipart upload's ETag ends in -<parts>").contains("-5");
    Path back = tmp.resolve("back.bin");
    s3.get(uri, back, false);
    assertThat(Files.size(back)).isEqualTo(size);
    assertThat(sha256(back)).isEqualTo(sha256(big));
  }

  @Test
  void bytesRoundTrip() {
    String uri = "s3://" + bucket + "/prefix/outputs.pb";
    byte[] payload = {10, 5, 'h', 'e', 'l', 'l', 'o', 0, -1};
    s3.putBytes(payload, uri);
    assertThat(s3.getBytes(uri)).containsExactly(payload);
    assertThat(raw.getObjectAsBytes(b -> b.bucket(bucket).key("prefix/outputs.pb")).asByteArray())
        .containsExactly(payload);
  }

  @Test
  void malformedUriIsAValidationError() {
    assertThatThrownBy(() -> s3.exists("s3:///key"))
        .isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("names no bucket");
  }

  @Test
  void failureAfterRetriesNamesTheUriAndNeverTheSecret() {
    S3Settings unreachable = server.settings().toBuilder()
        .endpoint(URI.create("http://127.0.0.1:" + S3TestServer.closedPort()))
        .maxAttempts(2)
        .build();
    String uri = "s3://" + bucket + "/k.txt";
    try (S3DataPersistence down = new S3DataPersistence(unreachable)) {
      assertThatThrownBy(() -> down.getBytes(uri))
          .isInstanceOfSatisfying(FlyteDataException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(FlyteDataException.DOWNLOAD_CODE);
            assertThat(e.isRecoverable()).isTrue();
            assertThat(e.getMessage()).contains(uri);
            assertThat(e.getMessage()).as("the configured attempts were all made").contains("Attempt Count: 2");
            assertThat(stackTrace(e)).doesNotContain(S3TestServer.SECRET_KEY);
          });
      assertThatThrownBy(() -> down.put(write(tmp.resolve("k.txt"), "k"), uri, false))
          .isInstanceOfSatisfying(FlyteDataException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(FlyteDataException.UPLOAD_CODE);
            assertThat(e.getMessage()).contains(uri);
            assertThat(stackTrace(e)).doesNotContain(S3TestServer.SECRET_KEY);
          });
    }
  }

  @Test
  void wrongSecretIsAccessDeniedWithoutTheSecret() throws IOException {
    String wrongSecret = "Wr0ng-Secr3t-Should-Not-Leak";
    S3Settings wrong = server.settings().toBuilder()
        .credentials(new S3Settings.Credentials(S3TestServer.ACCESS_KEY, wrongSecret))
        .build();
    raw.putObject(b -> b.bucket(bucket).key("k.txt"), RequestBody.fromString("k"));
    String uri = "s3://" + bucket + "/k.txt";
    try (S3DataPersistence denied = new S3DataPersistence(wrong)) {
      assertThatThrownBy(() -> denied.get(uri, tmp.resolve("k.txt"), false))
          .isInstanceOfSatisfying(FlyteDataException.class, e -> {
            assertThat(e.isRecoverable()).isFalse();
            assertThat(e.getMessage()).contains(uri).contains("access denied");
            assertThat(stackTrace(e)).doesNotContain(wrongSecret).doesNotContain(S3TestServer.SECRET_KEY);
          });
    }
    assertThat(wrong.toString()).doesNotContain(wrongSecret).contains(S3TestServer.ACCESS_KEY);
  }

  @Test
  void theClientIsBuiltOnFirstUseOnly() {
    S3DataPersistence lazy = new S3DataPersistence(server.settings());
    assertThat(lazy.schemes()).containsExactly("s3");
    assertThat(lazy.isStarted()).isFalse();
    assertThat(lazy.exists("s3://" + bucket + "/nothing")).isFalse();
    assertThat(lazy.isStarted()).isTrue();
    lazy.close();
    assertThat(lazy.isStarted()).isFalse();
  }

  private List<String> keys(String prefix) {
    return raw.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
        .map(S3Object::key).toList();
  }

  static Path write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  static String sha256(Path file) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  static void assertNoTempFiles(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      assertThat(walk.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part")).toList()).isEmpty();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
