package dev.shimkit.s3;

import dev.shimkit.s3.internal.S3Clients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 API server (s3proxy over an in-memory blob store) on 127.0.0.1, with SigV4 authentication. Shared
 * with other modules' tests through this module's test jar.
 */
public final class S3TestServer implements AutoCloseable {
  public static final String ACCESS_KEY = "shimkit-test-access";
  public static final String SECRET_KEY = "Sup3r-Secr3t-Value-9f8e7d";

  private final S3Proxy proxy;
  final URI endpoint;


  private S3TestServer(S3Proxy proxy, URI endpoint) {
    this.proxy = proxy;
    this.endpoint = endpoint;
  }

  public static S3TestServer start() throws Exception {
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(new TransientNio2BlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(5);
    }
    return new S3TestServer(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()));
  }

  public S3Settings settings() {
    return S3Settings.builder()
        .endpoint(endpoint)
        .region("us-east-1")
        .credentials(new S3Settings.Credentials(ACCESS_KEY, SECRET_KEY))
        .maxAttempts(3)
        .partSize(S3Settings.MIN_PART_SIZE)
        .build();
  }

  /** A plain client to set up and inspect the store independently of the code under test. */
  public S3Client client() {
    return S3Clients.create(settings());
  }

  public URI endpoint() {
    return endpoint;
  }

  /** Creates a bucket and returns its {@code s3://} URI. */
  public String createBucket(String name) {
    try (S3Client c = client()) {
      c.createBucket(b -> b.bucket(name));
    }
    return "s3://" + name;
  }

  /** The environment a child process needs to reach this server with shimkit-s3. */
  public java.util.Map<String, String> environment() {
    return java.util.Map.of("AWS_ENDPOINT_URL", endpoint.toString(), "AWS_ACCESS_KEY_ID", ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY", SECRET_KEY, "AWS_REGION", "us-east-1");
  }

  /** A port on 127.0.0.1 that nothing listens on. */
  static int closedPort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
  }
}
