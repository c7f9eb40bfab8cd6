package dev.shimkit.context;

import dev.shimkit.errors.FlyteUserException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads secrets the way Flyte mounts them: first the env var {@code _FSEC_<GROUP>[_<VERSION>]_<KEY>} (upper
 * case; prefix from {@code FLYTE_SECRETS_ENV_PREFIX}), then the file
 * {@code <FLYTE_SECRETS_DEFAULT_DIR or /etc/secrets>/<group>[/<version>]/<FLYTE_SECRETS_FILE_PREFIX><key>}
 * (lower case). A secret's own {@code envVar} name is honoured too, locally as in a pod. Values are trimmed.
 * A missing secret names where it was looked for; a value never appears in a message.
 */
public final class SecretsManager {
  public static final String ENV_PREFIX_VAR = "FLYTE_SECRETS_ENV_PREFIX";
  public static final String DEFAULT_DIR_VAR = "FLYTE_SECRETS_DEFAULT_DIR";
  public static final String FILE_PREFIX_VAR = "FLYTE_SECRETS_FILE_PREFIX";

  private final Function<String, String> env;
  private final java.util.function.Consumer<String> onRead;
  private final String envPrefix;
  private final Path defaultDir;
  private final String filePrefix;

  /** A manager reading this process's environment. */
  public SecretsManager() {
    this(System.getenv());
  }

  /** A manager reading the given environment (tests, or a child process's environment). */
  public SecretsManager(Map<String, String> environment) {
    this(environment, value -> { });
  }

  /**
   * A manager reading the given environment that tells {@code onRead} every value it hands out, so the
   * runtime can mask secrets in error documents and logs.
   */
  public SecretsManager(Map<String, String> environment, java.util.function.Consumer<String> onRead) {
    Map<String, String> copy = Map.copyOf(environment);
    this.env = copy::get;
    this.onRead = Objects.requireNonNull(onRead, "onRead");
    this.envPrefix = valueOr(copy.get(ENV_PREFIX_VAR), "_FSEC_");
    this.defaultDir = Path.of(valueOr(copy.get(DEFAULT_DIR_VAR), "/etc/secrets"));
    this.filePrefix = valueOr(copy.get(FILE_PREFIX_VAR), "");
  }

  /** The secret's value, or a {@link FlyteUserException} naming the env var and file looked at. */
  public String get(String group, String key, String groupVersion, String envVar) {
    Objects.requireNonNull(key, "a secret needs a key");
    if (envVar != null && !envVar.isEmpty()) {
      String named = env.apply(envVar);
      if (named != null) {
        return revealed(named.strip());
      }
    }
    String envName = envVarName(group, groupVersion, key);
    String fromEnv = env.apply(envName);
    if (fromEnv != null) {
      return revealed(fromEnv.strip());
    }
    Path file = filePath(group, groupVersion, key);
    if (Files.isRegularFile(file)) {
      try {
        return revealed(Files.readString(file, StandardCharsets.UTF_8).strip());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read secret file " + file, e);
      }
    }
    throw new FlyteUserException("USER:SecretNotFound", "Unable to find secret for key '" + key + "' in group '"
        + group + "'" + (groupVersion == null ? "" : " version '" + groupVersion + "'") + ": looked in env var "
        + (envVar == null || envVar.isEmpty() ? "" : envVar + " and ") + envName + " and file " + file
        + ". Request it on the task (secret requests) so Flyte mounts it, or set one of these locally.", null);
  }

  private String revealed(String value) {
    onRead.accept(value);
    return value;
  }

  /** The value of a secret a task requested. */
  public String get(dev.shimkit.task.Secret secret) {
    return get(secret.group().orElse(null), secret.key().orElseThrow(() -> new FlyteUserException(
        "Secret " + secret + " has no key: give the key to read")), secret.groupVersion().orElse(null),
        secret.envVar().orElse(null));
  }

  /** Shorthand for a secret with no version and no custom env var. */
  public String get(String group, String key) {
    return get(group, key, null, null);
  }

  /** The env var Flyte sets for this secret. */
  public String envVarName(String group, String groupVersion, String key) {
    List<String> parts = new ArrayList<>();
    for (String p : new String[] {group, groupVersion, key}) {
      if (p != null && !p.isEmpty()) {
        parts.add(p.toUpperCase(Locale.ROOT));
      }
    }
    return envPrefix + String.join("_", parts);
  }

  /** The file Flyte mounts this secret at. */
  public Path filePath(String group, String groupVersion, String key) {
    Path path = defaultDir;
    if (group != null && !group.isEmpty()) {
      path = path.resolve(group.toLowerCase(Locale.ROOT));
    }
    if (groupVersion != null && !groupVersion.isEmpty()) {
      path = path.resolve(groupVersion.toLowerCase(Locale.ROOT));
    }
    return path.resolve(filePrefix + key.toLowerCase(Locale.ROOT));
  }

  private static String valueOr(String v, String fallback) {
    return v == null ? fallback : v.strip();
  }
}
