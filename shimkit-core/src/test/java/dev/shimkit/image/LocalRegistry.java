package dev.shimkit.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real OCI registry (Debian's {@code docker-registry}, the CNCF Distribution registry) on a free
 * 127.0.0.1 port with a throwaway storage directory, for one test class. Without the program the tests are
 * skipped with a message, except in CI ({@code CI=true}), where they fail: CI installs it.
 */
public final class LocalRegistry implements BeforeAllCallback, AfterAllCallback {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private Process process;
  private Path dir;
  private int port;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (!onPath("docker-registry")) {
      String message = "docker-registry is not installed, so the tests against a real registry cannot run"
          + " (apt-get install docker-registry; CI installs it via .ci/services.sh)";
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(message);
      }
      System.err.println("SKIPPED " + context.getDisplayName() + ": " + message);
      Assumptions.abort(message);
    }
    dir = Files.createTempDirectory("shimkit-registry-");
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path config = dir.resolve("config.yml");
    Files.writeString(config, "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: "
        + dir.resolve("data") + "\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:" + port + "\n");
    process = new ProcessBuilder("docker-registry", "serve", config.toString()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("registry.log").toFile()).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        if (HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/v2/")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("docker-registry did not start: " + Files.readString(dir.resolve("registry.log")));
      }
      Thread.sleep(100);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (process != null) {
      process.destroy();
      process.waitFor();
    }
    if (dir != null) {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** {@code 127.0.0.1:<port>}, usable as an ImageSpec registry. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  public String url() {
    return "http://" + address();
  }

  /** GET of a registry path under {@code /v2/}, accepting OCI and Docker manifests. */
  public HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/v2/" + path))
        .header("Accept", "application/vnd.oci.image.manifest.v1+json,application/vnd.oci.image.index.v1+json,"
            + "application/vnd.docker.distribution.manifest.v2+json").build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Pushes a one-layer image made of the given bytes, with plain HTTP calls; returns the manifest digest. */
  public String pushMinimal(String repository, String tag, String layerContent) throws Exception {
    byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}")
        .getBytes(StandardCharsets.UTF_8);
    byte[] layer = layerContent.getBytes(StandardCharsets.UTF_8);
    String configDigest = upload(repository, config);
    String layerDigest = upload(repository, layer);
    String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
        + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest
        + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\","
        + "\"digest\":\"" + layerDigest + "\",\"size\":" + layer.length + "}]}";
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/v2/" + repository
        + "/manifests/" + tag)).header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
        .PUT(HttpRequest.BodyPublishers.ofString(manifest)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return r.headers().firstValue("Docker-Content-Digest").orElseThrow();
  }

  private String upload(String repository, byte[] content) throws Exception {
    HttpResponse<String> start = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/v2/" + repository
        + "/blobs/uploads/")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(start.statusCode()).as(start.body()).isEqualTo(202);
    String location = start.headers().firstValue("Location").orElseThrow();
    URI uri = URI.create(url()).resolve(location);
    String digest = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    URI put = URI.create(uri + (uri.getQuery() == null ? "?" : "&") + "digest=" + digest);
    HttpResponse<String> done = HTTP.send(HttpRequest.newBuilder(put).header("Content-Type", "application/octet-stream")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
    return digest;
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }
}
