package dev.shimkit.cli.internal;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status;
import java.util.concurrent.Executor;

/** Adds {@code <header>: Bearer <token>} to every call, the way Flyte Admin expects its access tokens. */
public final class BearerCallCredentials extends CallCredentials {
  private final Metadata.Key<String> key;
  private final ClientCredentialsTokens tokens;

  public BearerCallCredentials(String header, ClientCredentialsTokens tokens) {
    this.key = Metadata.Key.of(header, Metadata.ASCII_STRING_MARSHALLER);
    this.tokens = tokens;
  }

  @Override
  public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
    executor.execute(() -> {
      try {
        Metadata headers = new Metadata();
        headers.put(key, "Bearer " + tokens.accessToken());
        applier.apply(headers);
      } catch (RuntimeException e) {
        applier.fail(Status.UNAUTHENTICATED.withDescription("Could not get an access token: " + e.getMessage())
            .withCause(e));
      }
    });
  }
}
