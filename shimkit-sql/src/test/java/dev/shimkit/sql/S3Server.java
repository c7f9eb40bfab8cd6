package dev.shimkit.sql;

import dev.shimkit.s3.S3DataPersistence;
import dev.shimkit.s3.S3Settings;
import java.net.URI;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/** A real S3 API server (s3proxy, in memory) on 127.0.0.1 for tests, with one bucket. */
final class S3Server implements AutoCloseable {
  static final String ACCESS_KEY = "shimkit-sql-access";
  static final String SECRET_KEY = "shimkit-sql-Secret-4c2e";
  static final String BUCKET = "sqltest";

  private final S3Proxy proxy;
  final URI endpoint;

  private S3Server(S3Proxy proxy, URI endpoint) {
    this.proxy = proxy;
    this.endpoint = endpoint;
  }

  static S3Server start() throws Exception {
    S3Proxy proxy = S3Proxy.builder().blobStore(new TransientNio2BlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(5);
    }
    S3Server server = new S3Server(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()));
    try (var client = software.amazon.awssdk.services.s3.S3Client.builder()
        .endpointOverride(server.endpoint).forcePathStyle(true)
        .region(software.amazon.awssdk.regions.Region.US_EAST_1)
        .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
        .build()) {
      client.createBucket(b -> b.bucket(BUCKET));
    }
    return server;
  }

  /** The environment a task process needs to reach this server. */
  Map<String, String> env() {
    return Map.of("AWS_ENDPOINT_URL", endpoint.toString(), "AWS_ACCESS_KEY_ID", ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY", SECRET_KEY, "AWS_REGION", "us-east-1", "SHIMKIT_S3_PATH_STYLE", "true");
  }

  S3DataPersistence persistence() {
    return new S3DataPersistence(S3Settings.fromEnv(env()));
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
  }
}
