package dev.shimkit.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shimkit.image.internal.RegistryClient;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** exist() against a real registry on 127.0.0.1 and against nothing. */
class ImageExistenceTest {
  @RegisterExtension static final LocalRegistry REGISTRY = new LocalRegistry();

  @Test
  void missingThenPresent() throws Exception {
    ImageSpec s = ImageSpec.builder().name("exist-check").registry(REGISTRY.address()).build();
    assertThat(s.exist()).isEqualTo(new ImageExistence.Missing());
    String digest = REGISTRY.pushMinimal("exist-check", s.tag(), "layer");
    assertThat(s.exist()).isEqualTo(new ImageExistence.Exists(digest));
    assertThat(s.withPackages("a:b:1").exist()).as("another tag").isEqualTo(new ImageExistence.Missing());
  }

  @Test
  void registryPathIsPartOfTheRepository() throws Exception {
    ImageSpec s = ImageSpec.builder().name("app").registry(REGISTRY.address() + "/team").build();
    assertThat(s.exist()).isInstanceOf(ImageExistence.Missing.class);
    REGISTRY.pushMinimal("team/app", s.tag(), "x");
    assertThat(s.exist()).isInstanceOf(ImageExistence.Exists.class);
  }

  @Test
  void unreachableRegistryIsUnknownWithTheReason() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    ImageSpec s = ImageSpec.builder().registry("127.0.0.1:" + closed).build();
    assertThat(s.exist()).isInstanceOfSatisfying(ImageExistence.Unknown.class,
        u -> assertThat(u.reason()).contains("cannot reach the registry at http://127.0.0.1:" + closed));
  }

  @Test
  void otherAnswersAreUnknownWithTheStatus() throws Exception {
    // a server that is not a healthy registry: 401 for one repository, 500 for the rest
    var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      ex.sendResponseHeaders(ex.getRequestURI().getPath().contains("/private/") ? 401 : 500, -1);
      ex.close();
    });
    server.start();
    try {
      String registry = "127.0.0.1:" + server.getAddress().getPort();
      assertThat(RegistryClient.exists(registry, "private", "t")).isInstanceOfSatisfying(
          ImageExistence.Unknown.class, u -> assertThat(u.reason()).contains("wants credentials (HTTP 401"));
      assertThat(RegistryClient.exists(registry, "broken", "t")).isInstanceOfSatisfying(
          ImageExistence.Unknown.class, u -> assertThat(u.reason()).contains("unexpected HTTP 500"));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void locatesRegistriesLikeDocker() {
    assertThat(RegistryClient.locate("localhost:5000", "a")).isEqualTo(
        new RegistryClient.Location("http://localhost:5000", "a"));
    assertThat(RegistryClient.locate("127.0.0.1:5000/x/y", "a")).isEqualTo(
        new RegistryClient.Location("http://127.0.0.1:5000", "x/y/a"));
    assertThat(RegistryClient.locate("ghcr.io/acme", "a")).isEqualTo(
        new RegistryClient.Location("https://ghcr.io", "acme/a"));
    assertThat(RegistryClient.locate("docker.io", "a")).isEqualTo(
        new RegistryClient.Location("https://registry-1.docker.io", "library/a"));
    assertThat(RegistryClient.locate("docker.io/user", "a").repository()).isEqualTo("user/a");
    assertThat(RegistryClient.locate("localhost:5000", "a").manifestUrl("t"))
        .isEqualTo("http://localhost:5000/v2/a/manifests/t");
    assertThat(RegistryClient.isLoopback("[::1]:5000/x")).isTrue();
    assertThat(RegistryClient.isLoopback("127.0.0.2:80")).isTrue();
    assertThat(RegistryClient.isLoopback("localhost")).isTrue();
    assertThat(RegistryClient.isLoopback("localhost.example.com:5000")).isFalse();
    assertThat(RegistryClient.isLoopback("ghcr.io/localhost")).isFalse();
  }
}
