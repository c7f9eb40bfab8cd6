package dev.shimkit.task;

import dev.shimkit.errors.FlyteValidationException;
import flyteidl.core.Security;
import java.util.Objects;

/**
 * A token the platform should fetch for the task with an OAuth2 client, exposed to it under {@code name}.
 *
 * @param name the name the token is known by, never null
 * @param type the grant type; {@link Type#CLIENT_CREDENTIALS} when null
 * @param client the client that requests the token; null when not given
 * @param idpDiscoveryEndpoint OpenID discovery endpoint, or null
 * @param tokenEndpoint the token endpoint, or null
 */
public record OAuth2TokenRequest(String name, Type type, OAuth2Client client, String idpDiscoveryEndpoint,
    String tokenEndpoint) {

  /** The grant type; values as in {@code core.OAuth2TokenRequest.Type}. */
  public enum Type {
    CLIENT_CREDENTIALS
  }

  public OAuth2TokenRequest {
    Objects.requireNonNull(name, "name");
    type = type == null ? Type.CLIENT_CREDENTIALS : type;
  }

  /** A client-credentials token request without explicit endpoints. */
  public static OAuth2TokenRequest of(String name, OAuth2Client client) {
    return new OAuth2TokenRequest(name, Type.CLIENT_CREDENTIALS, client, null, null);
  }

  public Security.OAuth2TokenRequest toIdl() {
    Security.OAuth2TokenRequest.Builder b = Security.OAuth2TokenRequest.newBuilder().setName(name)
        .setType(Security.OAuth2TokenRequest.Type.CLIENT_CREDENTIALS);
    if (client != null) {
      b.setClient(client.toIdl());
    }
    if (idpDiscoveryEndpoint != null) {
      b.setIdpDiscoveryEndpoint(idpDiscoveryEndpoint);
    }
    if (tokenEndpoint != null) {
      b.setTokenEndpoint(tokenEndpoint);
    }
    return b.build();
  }

  public static OAuth2TokenRequest fromIdl(Security.OAuth2TokenRequest idl) {
    if (idl.getType() != Security.OAuth2TokenRequest.Type.CLIENT_CREDENTIALS) {
      throw new FlyteValidationException("OAuth2TokenRequest.type: unsupported token type " + idl.getTypeValue()
          + " in token request '" + idl.getName() + "'; only CLIENT_CREDENTIALS is known");
    }
    return new OAuth2TokenRequest(idl.getName(), Type.CLIENT_CREDENTIALS,
        idl.hasClient() ? OAuth2Client.fromIdl(idl.getClient()) : null,
        idl.getIdpDiscoveryEndpoint().isEmpty() ? null : idl.getIdpDiscoveryEndpoint(),
        idl.getTokenEndpoint().isEmpty() ? null : idl.getTokenEndpoint());
  }
}
