package dev.shimkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import flyteidl.service.Auth.OAuth2MetadataRequest;
import flyteidl.service.Auth.OAuth2MetadataResponse;
import flyteidl.service.Auth.PublicClientAuthConfigRequest;
import flyteidl.service.Auth.PublicClientAuthConfigResponse;
import flyteidl.service.AuthMetadataServiceGrpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ClientSecret auth end to end: a real token endpoint over HTTP and an Admin that checks bearer tokens. */
class AuthTest {
  private static final String SECRET = "s3cr3t&value";
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final FakeAdmin admin = new FakeAdmin();
  private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
  private final List<String> seenAuthorization = new CopyOnWriteArrayList<>();
  private HttpServer tokenServer;
  private Server grpc;
  private String tokenUrl;

  @BeforeEach
  void start() throws Exception {
    tokenServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    tokenServer.createContext("/oauth2/token", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String basic = exchange.getRequestHeaders().getFirst("Authorization");
      tokenRequests.add(exchange.getRequestMethod() + " " + body);
      String expected = "Basic " + Base64.getEncoder().encodeToString(("shimkit-ci:"
          + java.net.URLEncoder.encode(SECRET, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
      boolean ok = expected.equals(basic) && body.contains("grant_type=client_credentials");
      byte[] answer = (ok ? "{\"access_token\":\"tok-1\",\"token_type\":\"bearer\",\"expires_in\":3600}"
          : "{\"error\":\"invalid_client\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(ok ? 200 : 401, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    tokenServer.start();
    tokenUrl = "http://127.0.0.1:" + tokenServer.getAddress().getPort() + "/oauth2/token";
    ServerInterceptor requireToken = new ServerInterceptor() {
      @Override
      public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
          ServerCallHandler<Q, A> next) {
        String auth = headers.get(AUTHORIZATION);
        seenAuthorization.add(String.valueOf(auth));
        if (!"Bearer tok-1".equals(auth)) {
          call.close(Status.UNAUTHENTICATED.withDescription("token required"), new Metadata());
          return new ServerCall.Listener<>() { };
        }
        return next.startCall(call, headers);
      }
    };
    AuthMetadataServiceGrpc.AuthMetadataServiceImplBase metadata = new AuthMetadataServiceGrpc.AuthMetadataServiceImplBase() {
      @Override
      public void getOAuth2Metadata(OAuth2MetadataRequest request, StreamObserver<OAuth2MetadataResponse> observer) {
        observer.onNext(OAuth2MetadataResponse.newBuilder().setTokenEndpoint(tokenUrl).build());
        observer.onCompleted();
      }

      @Override
      public void getPublicClientConfig(PublicClientAuthConfigRequest request,
          StreamObserver<PublicClientAuthConfigResponse> observer) {
        observer.onNext(PublicClientAuthConfigResponse.newBuilder().addScopes("all").build());
        observer.onCompleted();
      }
    };
    grpc = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(ServerInterceptors.intercept(admin, requireToken)).addService(metadata).build().start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    grpc.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    tokenServer.stop(0);
  }

  private Path config(Path dir, String secret, boolean withTokenUrl) throws Exception {
    Path secretFile = Files.writeString(dir.resolve("client_secret"), secret + "\n");
    return Files.writeString(dir.resolve("config.yaml"), """
        admin:
          endpoint: dns:///127.0.0.1:%d
          insecure: true
          authType: ClientSecret
          clientId: shimkit-ci
          clientSecretLocation: %s
        %s
        """.formatted(grpc.getPort(), secretFile, withTokenUrl ? "  tokenUrl: " + tokenUrl : ""));
  }

  private CliRunner.Result register(Map<String, String> env, Path home) {
    return CliRunner.run(env, home, "register", "files", PackageCommandTest.GOLDEN.toString(), "-p", "p", "-d", "d",
        "-v", "v1");
  }

  @Test
  void clientSecretGetsATokenOnceAndSendsItAsBearer(@TempDir Path dir) throws Exception {
    Path cfg = config(dir, SECRET, true);
    CliRunner.Result r = register(Map.of(AdminConfig.CONFIG_ENV_VAR, cfg.toString()), dir);
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(admin.registered).hasSize(2);
    assertThat(tokenRequests).hasSize(1);
    assertThat(tokenRequests.get(0)).startsWith("POST grant_type=client_credentials").contains("scope=all");
    assertThat(seenAuthorization).containsOnly("Bearer tok-1");
  }

  @Test
  void tokenEndpointIsAskedFromAdminWhenNotConfigured(@TempDir Path dir) throws Exception {
    Path home = dir.resolve("home");
    Files.createDirectories(home.resolve(".flyte"));
    Files.copy(config(dir, SECRET, false), home.resolve(".flyte/config.yaml"));
    CliRunner.Result r = register(Map.of(), home);
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(tokenRequests).hasSize(1);
    assertThat(admin.registered).hasSize(2);
  }

  @Test
  void aWrongSecretIsAUserErrorThatNeverShowsTheSecret(@TempDir Path dir) throws Exception {
    Path cfg = config(dir, "wrong-secret-value", true);
    CliRunner.Result r = register(Map.of(AdminConfig.CONFIG_ENV_VAR, cfg.toString()), dir);
    assertThat(r.code()).isEqualTo(Shimkit.ERROR);
    assertThat(r.err()).contains("refused client 'shimkit-ci'").contains("HTTP 401")
        .doesNotContain("wrong-secret-value");
    assertThat(admin.registered).isEmpty();
  }

  @Test
  void withoutAuthAdminRefusesAndTheErrorSaysWhatToCheck(@TempDir Path dir) throws Exception {
    CliRunner.Result r = CliRunner.run(Map.of("FLYTE_PLATFORM_URL", "127.0.0.1:" + grpc.getPort(),
        "FLYTE_PLATFORM_INSECURE", "true"), dir, "register", "files", PackageCommandTest.GOLDEN.toString(), "-p", "p",
        "-d", "d", "-v", "v1");
    assertThat(r.code()).isEqualTo(Shimkit.ERROR);
    assertThat(r.err()).contains("UNAUTHENTICATED").contains("admin.authType");
  }

  @Test
  void secretFromAnEnvironmentVariableNamedInConfig(@TempDir Path dir) throws Exception {
    Path cfg = Files.writeString(dir.resolve("c.yaml"), """
        admin:
          endpoint: 127.0.0.1:%d
          insecure: true
          authType: ClientSecret
          clientId: shimkit-ci
          clientSecretEnvVar: MY_SECRET
          tokenUrl: %s
        """.formatted(grpc.getPort(), tokenUrl));
    CliRunner.Result r = CliRunner.run(Map.of("MY_SECRET", SECRET), dir, "register", "files",
        PackageCommandTest.GOLDEN.toString(), "-c", cfg.toString(), "-p", "p", "-d", "d", "-v", "v1");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(URLDecoder.decode(tokenRequests.get(0), StandardCharsets.UTF_8)).doesNotContain(SECRET);
  }
}
