package dev.shimkit.task;

import flyteidl.core.Security;
import java.util.Objects;

/**
 * An OAuth2 client the platform uses on the task's behalf: its id and the {@link Secret} holding its secret.
 *
 * @param clientId the public client id, never null
 * @param clientSecret where the client secret is stored; null when not given
 */
public record OAuth2Client(String clientId, Secret clientSecret) {

  public OAuth2Client {
    Objects.requireNonNull(clientId, "clientId");
  }

  public Security.OAuth2Client toIdl() {
    Security.OAuth2Client.Builder b = Security.OAuth2Client.newBuilder().setClientId(clientId);
    if (clientSecret != null) {
      b.setClientSecret(clientSecret.toIdl());
    }
    return b.build();
  }

  public static OAuth2Client fromIdl(Security.OAuth2Client idl) {
    return new OAuth2Client(idl.getClientId(),
        idl.hasClientSecret() ? Secret.fromIdl(idl.getClientSecret()) : null);
  }
}
