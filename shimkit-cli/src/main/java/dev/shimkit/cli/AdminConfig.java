package dev.shimkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.shimkit.errors.FlyteUserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where Flyte Admin is and how to authenticate, read from flytectl's config file ({@code admin:} section of
 * {@code ~/.flyte/config.yaml}, or the file named by {@code FLYTECTL_CONFIG}) with flytekit's environment
 * overrides on top ({@code FLYTE_PLATFORM_URL}, {@code FLYTE_PLATFORM_INSECURE}, {@code FLYTE_CREDENTIALS_*}).
 *
 * @param endpoint gRPC target ({@code dns:///host:port} or {@code host:port})
 * @param insecure plaintext instead of TLS
 * @param insecureSkipVerify TLS without checking the server certificate
 * @param caCertFilePath PEM file of the CA to trust, or null for the JVM's trust store
 * @param authType {@link AuthType#NONE} or {@link AuthType#CLIENT_SECRET}
 * @param clientId OAuth2 client id (client secret auth)
 * @param clientSecretLocation file holding the client secret, or null
 * @param clientSecretEnvVar environment variable holding the client secret, or null
 * @param tokenUrl token endpoint, or null to ask Admin's auth metadata service
 * @param scopes scopes to request (empty: Admin's public client config decides)
 * @param audience audience to request, or null
 * @param authorizationHeader metadata key carrying the token ({@code authorization})
 */
public record AdminConfig(String endpoint, boolean insecure, boolean insecureSkipVerify, String caCertFilePath,
    AuthType authType, String clientId, String clientSecretLocation, String clientSecretEnvVar, String tokenUrl,
    List<String> scopes, String audience, String authorizationHeader) {

  /** Environment variable naming the config file, as flytectl and flytekit read it. */
  public static final String CONFIG_ENV_VAR = "FLYTECTL_CONFIG";
  /** flytekit's environment variable holding the client secret itself (less safe than a file). */
  public static final String CLIENT_SECRET_ENV_VAR = "FLYTE_CREDENTIALS_CLIENT_SECRET";

  /** How the CLI authenticates to Admin. */
  public enum AuthType { NONE, CLIENT_SECRET }

  public AdminConfig {
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
    authorizationHeader = authorizationHeader == null || authorizationHeader.isBlank() ? "authorization"
        : authorizationHeader.toLowerCase(Locale.ROOT);
    if (authType == null) {
      authType = AuthType.NONE;
    }
  }

  /** A config for {@code endpoint} without auth. */
  public static AdminConfig of(String endpoint, boolean insecure) {
    return new AdminConfig(endpoint, insecure, false, null, AuthType.NONE, null, null, null, null, List.of(), null,
        null);
  }

  /**
   * Loads the config: {@code configFile} if given, else {@code $FLYTECTL_CONFIG}, else
   * {@code <home>/.flyte/config.yaml} when it exists; then the environment overrides.
   */
  public static AdminConfig load(Path configFile, Map<String, String> env, Path home) {
    Path file = configFile;
    if (file == null && env.get(CONFIG_ENV_VAR) != null && !env.get(CONFIG_ENV_VAR).isBlank()) {
      file = Path.of(env.get(CONFIG_ENV_VAR));
    }
    if (file == null && home != null && Files.isRegularFile(home.resolve(".flyte").resolve("config.yaml"))) {
      file = home.resolve(".flyte").resolve("config.yaml");
    }
    JsonNode admin = file == null ? null : readAdminSection(file);
    String endpoint = text(admin, "endpoint");
    boolean insecure = bool(admin, "insecure", false);
    boolean skipVerify = bool(admin, "insecureSkipVerify", false);
    String ca = text(admin, "caCertFilePath");
    String authType = text(admin, "authType");
    String clientId = text(admin, "clientId");
    String secretLocation = text(admin, "clientSecretLocation");
    String secretEnvVar = text(admin, "clientSecretEnvVar");
    String tokenUrl = text(admin, "tokenUrl");
    List<String> scopes = list(admin, "scopes");
    String audience = text(admin, "audience");
    String header = text(admin, "authorizationHeader");

    endpoint = env.getOrDefault("FLYTE_PLATFORM_URL", endpoint);
    insecure = parseBool("FLYTE_PLATFORM_INSECURE", env.get("FLYTE_PLATFORM_INSECURE"), insecure);
    skipVerify = parseBool("FLYTE_PLATFORM_INSECURE_SKIP_VERIFY", env.get("FLYTE_PLATFORM_INSECURE_SKIP_VERIFY"),
        skipVerify);
    ca = env.getOrDefault("FLYTE_PLATFORM_CA_CERT_FILE_PATH", ca);
    authType = env.getOrDefault("FLYTE_CREDENTIALS_AUTH_MODE", authType);
    clientId = env.getOrDefault("FLYTE_CREDENTIALS_CLIENT_ID", clientId);
    tokenUrl = env.getOrDefault("FLYTE_CREDENTIALS_TOKEN_URL", tokenUrl);
    audience = env.getOrDefault("FLYTE_CREDENTIALS_AUDIENCE", audience);
    if (env.get("FLYTE_CREDENTIALS_SCOPES") != null) {
      scopes = splitList(env.get("FLYTE_CREDENTIALS_SCOPES"));
    }
    if (env.get(CLIENT_SECRET_ENV_VAR) != null && secretLocation == null && secretEnvVar == null) {
      secretEnvVar = CLIENT_SECRET_ENV_VAR;
    }
    return new AdminConfig(endpoint, insecure, skipVerify, ca, parseAuthType(authType), clientId, secretLocation,
        secretEnvVar, tokenUrl, scopes, audience, header);
  }

  /** A copy pointing at {@code endpoint} (a command-line override). */
  public AdminConfig withEndpoint(String newEndpoint, boolean newInsecure) {
    return new AdminConfig(newEndpoint, newInsecure, insecureSkipVerify, caCertFilePath, authType, clientId,
        clientSecretLocation, clientSecretEnvVar, tokenUrl, scopes, audience, authorizationHeader);
  }

  /** The endpoint, if one is configured. */
  public Optional<String> endpointIfAny() {
    return endpoint == null || endpoint.isBlank() ? Optional.empty() : Optional.of(endpoint);
  }

  /**
   * Reads flytectl/flytekit auth type names: {@code ClientSecret}, {@code basic}, {@code client_credentials}
   * mean the client credentials flow; absent means none. Browser and device flows are not supported here.
   */
  static AuthType parseAuthType(String value) {
    if (value == null || value.isBlank()) {
      return AuthType.NONE;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "clientsecret", "client_secret", "basic", "client_credentials" -> AuthType.CLIENT_SECRET;
      case "none" -> AuthType.NONE;
      default -> throw new FlyteUserException("admin.authType " + value + " is not supported by shimkit: use "
          + "ClientSecret (client id + secret, for CI and scripts), or register the package with flytectl");
    };
  }

  private static JsonNode readAdminSection(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new FlyteUserException("Config file " + file + " does not exist");
    }
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
      return root == null ? null : root.get("admin");
    } catch (IOException e) {
      throw new FlyteUserException("Config file " + file + " is not valid YAML: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String key) {
    JsonNode v = node == null ? null : node.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static boolean bool(JsonNode node, String key, boolean fallback) {
    JsonNode v = node == null ? null : node.get(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    return v.isBoolean() ? v.booleanValue() : parseBool("admin." + key, v.asText(), fallback);
  }

  private static List<String> list(JsonNode node, String key) {
    JsonNode v = node == null ? null : node.get(key);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (v.isArray()) {
      List<String> out = new ArrayList<>();
      v.forEach(e -> out.add(e.asText()));
      return out;
    }
    return splitList(v.asText());
  }

  private static List<String> splitList(String s) {
    return List.of(s.split(",")).stream().map(String::strip).filter(x -> !x.isEmpty()).toList();
  }

  private static boolean parseBool(String what, String value, boolean fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "t" -> true;
      case "false", "0", "no", "f" -> false;
      default -> throw new FlyteUserException(what + " must be true or false, got '" + value + "'");
    };
  }
}
