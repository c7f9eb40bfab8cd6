package dev.shimkit.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shimkit.storage.DataPersistence;
import dev.shimkit.storage.FileAccessProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** s3:// through {@link FileAccessProvider}: scheme dispatch, ServiceLoader, and configuration by environment. */
class FileAccessProviderS3Test {
  static final String BUCKET = "flyte-data";
  static S3TestServer server;
  static S3Client raw;

  @TempDir Path tmp;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3TestServer.start();
    raw = server.client();
    raw.createBucket(b -> b.bucket(BUCKET));
  }

  @AfterAll
  static void stopServer() throws Exception {
    raw.close();
    server.close();
  }

  @Test
  void serviceLoaderFindsTheS3ProviderWithoutStartingIt() {
    DataPersistence p = FileAccessProvider.local(tmp).persistenceFor("s3://any-bucket/key");
    assertThat(p).isInstanceOf(S3DataPersistence.class);
    assertThat(((S3DataPersistence) p).isStarted()).isFalse();
    assertThat(FileAccessProvider.local(tmp).persistenceFor("S3://other/x")).isSameAs(p);
  }

  @Test
  void rawOutputsRoundTripThroughTheProvider() throws IOException {
    try (S3DataPersistence s3 = new S3DataPersistence(server.settings())) {
      FileAccessProvider fap = new FileAccessProvider(tmp.resolve("sandbox"), "s3://" + BUCKET + "/raw/")
          .withPersistence(s3);
      Path dir = fap.getRandomLocalDirectory();
      Files.writeString(dir.resolve("part-0.parquet"), "p0");
      Files.createDirectories(dir.resolve("meta"));
      Files.writeString(dir.resolve("meta/schema.json"), "{}");
      Path single = Files.writeString(fap.getRandomLocalPath(), "one file");

      String remoteDir = fap.putData(dir, fap.getRandomRemoteDirectory(), true);
      String remoteFile = fap.putData(single, fap.getRandomRemotePath("single.txt"), false);
      String outputs = fap.putBytes(new byte[] {10, 0}, FileAccessProvider.join("s3://" + BUCKET, "meta/n0/outputs.pb"));

      assertThat(remoteDir).matches("s3://flyte-data/raw/[0-9a-f]{32}");
      assertThat(fap.exists(remoteDir)).isTrue();
      assertThat(fap.exists(remoteFile)).isTrue();
      assertThat(fap.exists(FileAccessProvider.join(remoteDir, "nope"))).isFalse();
      String dirKey = remoteDir.substring(("s3://" + BUCKET + "/").length());
      assertThat(keys(dirKey + "/")).containsExactlyInAnyOrder(dirKey + "/part-0.parquet",
          dirKey + "/meta/schema.json");

      Path back = fap.getData(remoteDir, fap.getRandomLocalPath(), true);
      assertThat(back.resolve("part-0.parquet")).hasContent("p0");
      assertThat(back.resolve("meta/schema.json")).hasContent("{}");
      assertThat(fap.getData(remoteFile, fap.getRandomLocalPath(), false)).hasContent("one file");
      assertThat(fap.getBytes(outputs)).containsExactly(10, 0);
    }
  }

  /**
   * A child JVM configured only by its environment, as in a task pod: the AWS variables, Flyte's own
   * (what the Flyte sandbox injects), and credentials from an AWS credentials file via the SDK's default chain.
   */
  @ParameterizedTest
  @ValueSource(strings = {"aws-env", "flyte-env", "credentials-file"})
  void aProcessConfiguredByEnvironmentOnlyUsesS3(String style) throws Exception {
    Path upload = tmp.resolve("upload");
    Files.createDirectories(upload.resolve("sub"));
    Files.writeString(upload.resolve("sub/data.txt"), style);

    Map<String, String> env = new HashMap<>();
    env.put("AWS_CONFIG_FILE", tmp.resolve("aws-config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", tmp.resolve("aws-credentials").toString());
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    switch (style) {
      case "aws-env" -> {
        env.put("AWS_ENDPOINT_URL", server.endpoint.toString());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", S3TestServer.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", S3TestServer.SECRET_KEY);
      }
      case "flyte-env" -> {
        env.put("FLYTE_AWS_ENDPOINT", server.endpoint.toString());
        env.put("FLYTE_AWS_ACCESS_KEY_ID", S3TestServer.ACCESS_KEY);
        env.put("FLYTE_AWS_SECRET_ACCESS_KEY", S3TestServer.SECRET_KEY);
      }
      case "credentials-file" -> {
        env.put("AWS_ENDPOINT_URL_S3", server.endpoint.toString());
        Files.writeString(tmp.resolve("aws-config"), "[default]\nregion = us-east-1\n");
        Files.writeString(tmp.resolve("aws-credentials"), "[default]\naws_access_key_id = "
            + S3TestServer.ACCESS_KEY + "\naws_secret_access_key = " + S3TestServer.SECRET_KEY + "\n");
      }
      default -> throw new IllegalArgumentException(style);
    }

    String out = runChild(env, tmp.resolve("sandbox").toString(), "s3://" + BUCKET + "/" + style, upload.toString());

    assertThat(out).matches("s3://flyte-data/" + style + "/[0-9a-f]{32}");
    String key = out.substring(("s3://" + BUCKET + "/").length());
    assertThat(raw.getObjectAsBytes(b -> b.bucket(BUCKET).key(key + "/sub/data.txt")).asUtf8String())
        .isEqualTo(style);
    assertThat(keys(key + "/")).containsExactlyInAnyOrder(key + "/sub/data.txt", key + "/_SUCCESS");
  }

  private static String runChild(Map<String, String> env, String... args) throws Exception {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-cp", classPath,
        EnvRoundTripMain.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("FLYTE_AWS_")
        || k.startsWith("SHIMKIT_S3_"));
    pb.environment().putAll(env);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    List<String> lines = output.lines().filter(l -> l.startsWith("s3://")).toList();
    assertThat(lines).as(output).hasSize(1);
    return lines.get(0);
  }

  private static List<String> keys(String prefix) {
    return raw.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
        .map(S3Object::key).toList();
  }
}
