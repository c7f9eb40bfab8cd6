package dev.shimkit.cli;

import dev.shimkit.cli.internal.BearerCallCredentials;
import dev.shimkit.cli.internal.ClientCredentialsTokens;
import dev.shimkit.cli.internal.TrustAll;
import dev.shimkit.errors.FlyteUserException;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.Auth.OAuth2MetadataRequest;
import flyteidl.service.Auth.PublicClientAuthConfigRequest;
import flyteidl.service.AuthMetadataServiceGrpc;
import io.grpc.CallCredentials;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A gRPC connection to Flyte Admin built from an {@link AdminConfig}: plaintext or TLS (JVM trust store, a CA
 * file, or no verification when asked), and for {@code ClientSecret} auth a bearer token from the client
 * credentials flow on every call. The token endpoint is {@code admin.tokenUrl}, else what Admin's
 * {@code AuthMetadataService} announces.
 */
public final class AdminConnection implements AutoCloseable {
  private final Channel channel;
  private final ManagedChannel owned;
  private final String target;
  private final CallCredentials credentials;

  private AdminConnection(Channel channel, ManagedChannel owned, String target, AdminConfig config,
      Map<String, String> env) {
    this.channel = channel;
    this.owned = owned;
    this.target = target;
    this.credentials = config.authType() == AdminConfig.AuthType.CLIENT_SECRET ? bearer(config, env) : null;
  }

  /** Opens a channel to {@code config.endpoint()} (gRPC over netty). */
  public static AdminConnection open(AdminConfig config, Map<String, String> env) {
    String endpoint = config.endpointIfAny().orElseThrow(() -> new FlyteUserException("No Flyte Admin endpoint: "
        + "set admin.endpoint in ~/.flyte/config.yaml (or the file in " + AdminConfig.CONFIG_ENV_VAR
        + "), FLYTE_PLATFORM_URL, or pass --endpoint host:port"));
    String target = target(endpoint);
    ManagedChannel ch = Grpc.newChannelBuilder(target, channelCredentials(config)).build();
    return new AdminConnection(ch, ch, target, config, env);
  }

  /** Uses an existing channel (not closed by {@link #close()}), adding {@code config}'s auth. */
  public static AdminConnection over(Channel channel, AdminConfig config, Map<String, String> env) {
    return new AdminConnection(channel, null, channel.authority(), config, env);
  }

  /** Where the calls go. */
  public String target() {
    return target;
  }

  /** A blocking Admin stub carrying the auth of the config. */
  public AdminServiceGrpc.AdminServiceBlockingStub admin() {
    AdminServiceGrpc.AdminServiceBlockingStub stub = AdminServiceGrpc.newBlockingStub(channel);
    return credentials == null ? stub : stub.withCallCredentials(credentials);
  }

  @Override
  public void close() {
    if (owned != null) {
      owned.shutdown();
      try {
        if (!owned.awaitTermination(5, TimeUnit.SECONDS)) {
          owned.shutdownNow();
        }
      } catch (InterruptedException e) {
        owned.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  static String target(String endpoint) {
    String e = endpoint.strip();
    if (e.startsWith("http://") || e.startsWith("https://")) {
      throw new FlyteUserException("admin.endpoint " + endpoint + " is a URL; Flyte Admin's gRPC endpoint is "
          + "host:port or dns:///host:port (e.g. dns:///flyte.example.com:443)");
    }
    return e;
  }

  private static ChannelCredentials channelCredentials(AdminConfig config) {
    if (config.insecure()) {
      return InsecureChannelCredentials.create();
    }
    TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder();
    if (config.insecureSkipVerify()) {
      tls.trustManager(TrustAll.INSTANCE);
    } else if (config.caCertFilePath() != null && !config.caCertFilePath().isBlank()) {
      try {
        tls.trustManager(new File(config.caCertFilePath()));
      } catch (IOException e) {
        throw new FlyteUserException("admin.caCertFilePath " + config.caCertFilePath() + " cannot be read as PEM "
            + "certificates: " + e.getMessage(), e);
      }
    }
    return tls.build();
  }

  private CallCredentials bearer(AdminConfig config, Map<String, String> env) {
    ClientCredentialsTokens tokens = new ClientCredentialsTokens(() -> tokenEndpoint(config),
        config.clientId(), () -> clientSecret(config, env), () -> scopes(config), config.audience(),
        Clock.systemUTC());
    return new BearerCallCredentials(config.authorizationHeader(), tokens);
  }

  private URI tokenEndpoint(AdminConfig config) {
    if (config.tokenUrl() != null && !config.tokenUrl().isBlank()) {
      return URI.create(config.tokenUrl());
    }
    try {
      String url = AuthMetadataServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
          .getOAuth2Metadata(OAuth2MetadataRequest.getDefaultInstance()).getTokenEndpoint();
      if (url.isEmpty()) {
        throw new FlyteUserException("Flyte Admin at " + target + " announces no token endpoint; set admin.tokenUrl");
      }
      return URI.create(url);
    } catch (StatusRuntimeException e) {
      throw new FlyteUserException("Cannot ask Flyte Admin at " + target + " for its token endpoint ("
          + e.getStatus().getCode() + ": " + e.getStatus().getDescription() + "); set admin.tokenUrl", e);
    }
  }

  private List<String> scopes(AdminConfig config) {
    if (!config.scopes().isEmpty()) {
      return config.scopes();
    }
    try {
      return AuthMetadataServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
          .getPublicClientConfig(PublicClientAuthConfigRequest.getDefaultInstance()).getScopesList();
    } catch (StatusRuntimeException e) {
      return List.of();
    }
  }

  private static String clientSecret(AdminConfig config, Map<String, String> env) {
    if (config.clientSecretLocation() != null && !config.clientSecretLocation().isBlank()) {
      Path file = Path.of(config.clientSecretLocation());
      try {
        return Files.readString(file).strip();
      } catch (IOException e) {
        throw new FlyteUserException("Cannot read the client secret file admin.clientSecretLocation=" + file + " ("
            + e.getClass().getSimpleName() + ")", e);
      }
    }
    if (config.clientSecretEnvVar() != null && !config.clientSecretEnvVar().isBlank()) {
      String v = env.get(config.clientSecretEnvVar());
      if (v == null || v.isBlank()) {
        throw new FlyteUserException("The client secret variable " + config.clientSecretEnvVar()
            + " (admin.clientSecretEnvVar) is not set");
      }
      return v.strip();
    }
    throw new FlyteUserException("admin.authType ClientSecret needs a secret: set admin.clientSecretLocation (a "
        + "file) or admin.clientSecretEnvVar (a variable name)");
  }
}
