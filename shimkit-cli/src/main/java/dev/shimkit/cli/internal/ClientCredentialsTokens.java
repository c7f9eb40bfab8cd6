package dev.shimkit.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.FlyteUserException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * OAuth2 client credentials flow (RFC 6749 §4.4) as flytekit and flytectl use it for {@code ClientSecret}: a
 * form POST of {@code grant_type=client_credentials} (+ scope, audience) to the token endpoint with HTTP basic
 * auth of the form-encoded client id and secret. The token is cached until shortly before it expires. The secret
 * is read through a supplier on each request and never appears in messages.
 */
public final class ClientCredentialsTokens {
  private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Supplier<URI> tokenEndpoint;
  private final String clientId;
  private final Supplier<String> clientSecret;
  private final Supplier<List<String>> scopes;
  private final String audience;
  private final HttpClient http;
  private final Clock clock;
  private String token;
  private Instant expiresAt = Instant.MIN;

  public ClientCredentialsTokens(Supplier<URI> tokenEndpoint, String clientId, Supplier<String> clientSecret,
      Supplier<List<String>> scopes, String audience, Clock clock) {
    if (clientId == null || clientId.isBlank()) {
      throw new FlyteUserException("admin.authType ClientSecret needs admin.clientId (or FLYTE_CREDENTIALS_CLIENT_ID)");
    }
    this.tokenEndpoint = tokenEndpoint;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.scopes = scopes;
    this.audience = audience;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
  }

  /** A valid access token, fetched when none is cached or the cached one is about to expire. */
  public synchronized String accessToken() {
    if (token == null || !clock.instant().isBefore(expiresAt.minus(EXPIRY_MARGIN))) {
      fetch();
    }
    return token;
  }

  /** Forgets the cached token (after the server rejected it). */
  public synchronized void invalidate() {
    token = null;
  }

  private void fetch() {
    URI endpoint = tokenEndpoint.get();
    StringBuilder form = new StringBuilder("grant_type=client_credentials");
    List<String> s = scopes.get();
    if (!s.isEmpty()) {
      form.append("&scope=").append(enc(String.join(" ", s)));
    }
    if (audience != null && !audience.isBlank()) {
      form.append("&audience=").append(enc(audience));
    }
    String basic = Base64.getEncoder().encodeToString((enc(clientId) + ":" + enc(clientSecret.get()))
        .getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new FlyteSystemException("SYSTEM:TokenEndpointUnreachable", "Cannot reach the token endpoint "
          + endpoint + ": " + e.getMessage(), e, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlyteSystemException("Interrupted while getting an access token", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new FlyteUserException("The token endpoint " + endpoint + " refused client '" + clientId + "' (HTTP "
          + response.statusCode() + ": " + abbreviate(response.body()) + "). Check admin.clientId and the client "
          + "secret (admin.clientSecretLocation / admin.clientSecretEnvVar).");
    }
    try {
      JsonNode body = JSON.readTree(response.body());
      JsonNode access = body.get("access_token");
      if (access == null || access.asText().isEmpty()) {
        throw new FlyteSystemException("The token endpoint " + endpoint + " answered without an access_token");
      }
      token = access.asText();
      long expiresIn = body.has("expires_in") ? body.get("expires_in").asLong(3600) : 3600;
      expiresAt = clock.instant().plusSeconds(expiresIn);
    } catch (IOException e) {
      throw new FlyteSystemException("The token endpoint " + endpoint + " did not answer JSON: " + e.getMessage(), e);
    }
  }

  private static String abbreviate(String body) {
    String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
