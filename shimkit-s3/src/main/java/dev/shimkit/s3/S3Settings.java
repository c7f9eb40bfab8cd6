package dev.shimkit.s3;

import dev.shimkit.errors.FlyteValidationException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach S3 or an S3-compatible store (MinIO, Ceph, ...). Built from environment variables with
 * {@link #fromEnv(Map)} (the map is injectable, so tests never touch the process environment) or in code
 * with {@link #builder()}. Anything left unset falls back to the AWS SDK's own providers when the client is
 * built: the default credentials chain (system properties, environment, web identity, the
 * {@code ~/.aws/credentials} and {@code ~/.aws/config} files of {@code AWS_PROFILE}, container and instance
 * roles) and the region of the config file's profile.
 *
 * <p>Environment variables read by {@link #fromEnv(Map)}; the first one set (non-blank) wins:
 * <ul>
 *   <li>endpoint: {@code FLYTE_AWS_ENDPOINT} (what Flyte's sandbox gives its pods), {@code AWS_ENDPOINT_URL_S3},
 *       {@code AWS_ENDPOINT_URL}; the two AWS ones are skipped when {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS}
 *       is {@code true}. Unset: AWS S3 itself.</li>
 *   <li>region: {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}. Unset: the config file's profile region,
 *       else {@code us-east-1} with cross-region bucket access.</li>
 *   <li>credentials: {@code FLYTE_AWS_ACCESS_KEY_ID} + {@code FLYTE_AWS_SECRET_ACCESS_KEY}, else
 *       {@code AWS_ACCESS_KEY_ID} + {@code AWS_SECRET_ACCESS_KEY} (+ {@code AWS_SESSION_TOKEN}). Unset: the
 *       SDK's default chain. Setting one half of a pair without the other is an error.</li>
 *   <li>path-style addressing ({@code http://host/bucket/key}): {@code SHIMKIT_S3_PATH_STYLE}
 *       ({@code true}/{@code false}); unset, it is on exactly when an endpoint is set, as MinIO needs.</li>
 *   <li>attempts per request (first try included, exponential backoff with jitter between them):
 *       {@code AWS_MAX_ATTEMPTS}, default {@value #DEFAULT_MAX_ATTEMPTS}.</li>
 * </ul>
 *
 * @param endpoint the store's URL, or {@code null} for AWS S3
 * @param region the signing region, or {@code null} to look it up as described above
 * @param pathStyle whether bucket names go in the path rather than the host name
 * @param credentials static credentials, or {@code null} for the SDK's default chain
 * @param maxAttempts attempts per request, at least 1
 * @param multipartThreshold files of at least this many bytes are uploaded in parts
 * @param partSize bytes per part of a multipart upload, at least 5 MiB (S3's minimum)
 */
public record S3Settings(URI endpoint, String region, boolean pathStyle, Credentials credentials, int maxAttempts,
    long multipartThreshold, long partSize) {

  public static final int DEFAULT_MAX_ATTEMPTS = 5;
  public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
  public static final long DEFAULT_PART_SIZE = 16L * 1024 * 1024;
  public static final long DEFAULT_MULTIPART_THRESHOLD = 16L * 1024 * 1024;

  public S3Settings {
    if (endpoint != null) {
      checkEndpoint(endpoint, "endpoint");
    }
    if (region != null && region.isBlank()) {
      region = null;
    }
    if (maxAttempts < 1) {
      throw new FlyteValidationException("S3 maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (partSize < MIN_PART_SIZE) {
      throw new FlyteValidationException("S3 partSize must be at least " + MIN_PART_SIZE + " bytes (S3's minimum "
          + "part size), got " + partSize);
    }
    if (multipartThreshold < 1) {
      throw new FlyteValidationException("S3 multipartThreshold must be positive, got " + multipartThreshold);
    }
  }

  /** Static AWS credentials. {@link #toString()} never shows the secret or the session token. */
  public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    public Credentials {
      Objects.requireNonNull(accessKeyId, "accessKeyId");
      Objects.requireNonNull(secretAccessKey, "secretAccessKey");
      if (sessionToken != null && sessionToken.isBlank()) {
        sessionToken = null;
      }
    }

    public Credentials(String accessKeyId, String secretAccessKey) {
      this(accessKeyId, secretAccessKey, null);
    }

    @Override
    public String toString() {
      return "Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***"
          + (sessionToken == null ? "" : ", sessionToken=***") + "]";
    }
  }

  /** Settings from this process's environment variables. */
  public static S3Settings fromEnvironment() {
    return fromEnv(System.getenv());
  }

  /** Settings from the given environment variables (see the class comment for which are read). */
  public static S3Settings fromEnv(Map<String, String> env) {
    Builder b = builder();
    boolean ignoreAwsEndpoints = "true".equalsIgnoreCase(trimmed(env, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"));
    String[] endpointVars = ignoreAwsEndpoints
        ? new String[] {"FLYTE_AWS_ENDPOINT"}
        : new String[] {"FLYTE_AWS_ENDPOINT", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"};
    for (String var : endpointVars) {
      String value = trimmed(env, var);
      if (value != null) {
        b.endpoint(parseEndpoint(value, var));
        break;
      }
    }
    b.region(first(env, "AWS_REGION", "AWS_DEFAULT_REGION"));
    Credentials creds = credentials(env, "FLYTE_AWS_ACCESS_KEY_ID", "FLYTE_AWS_SECRET_ACCESS_KEY", null);
    b.credentials(creds != null ? creds
        : credentials(env, "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"));
    String pathStyle = trimmed(env, "SHIMKIT_S3_PATH_STYLE");
    if (pathStyle != null) {
      b.pathStyle(parseBoolean(pathStyle, "SHIMKIT_S3_PATH_STYLE"));
    }
    String attempts = trimmed(env, "AWS_MAX_ATTEMPTS");
    if (attempts != null) {
      try {
        b.maxAttempts(Integer.parseInt(attempts));
      } catch (NumberFormatException e) {
        throw new FlyteValidationException("AWS_MAX_ATTEMPTS='" + attempts + "' is not a whole number; set it to "
            + "the number of attempts per S3 request, e.g. 5");
      }
    }
    return b.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder seeded with these settings. */
  public Builder toBuilder() {
    Builder b = new Builder().endpoint(endpoint).region(region).credentials(credentials).maxAttempts(maxAttempts)
        .multipartThreshold(multipartThreshold).partSize(partSize);
    b.pathStyle = pathStyle;
    return b;
  }

  /** Builds {@link S3Settings}; path style defaults to "on when an endpoint is set". */
  public static final class Builder {
    private URI endpoint;
    private String region;
    private Boolean pathStyle;
    private Credentials credentials;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private long multipartThreshold = DEFAULT_MULTIPART_THRESHOLD;
    private long partSize = DEFAULT_PART_SIZE;

    private Builder() {}

    public Builder endpoint(URI endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder pathStyle(boolean pathStyle) {
      this.pathStyle = pathStyle;
      return this;
    }

    public Builder credentials(Credentials credentials) {
      this.credentials = credentials;
      return this;
    }

    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    public Builder multipartThreshold(long bytes) {
      this.multipartThreshold = bytes;
      return this;
    }

    public Builder partSize(long bytes) {
      this.partSize = bytes;
      return this;
    }

    public S3Settings build() {
      boolean style = pathStyle != null ? pathStyle : endpoint != null;
      return new S3Settings(endpoint, region, style, credentials, maxAttempts, multipartThreshold, partSize);
    }
  }

  private static Credentials credentials(Map<String, String> env, String idVar, String secretVar, String tokenVar) {
    String id = trimmed(env, idVar);
    String secret = trimmed(env, secretVar);
    if (id == null && secret == null) {
      return null;
    }
    if (id == null || secret == null) {
      String missing = id == null ? idVar : secretVar;
      String present = id == null ? secretVar : idVar;
      throw new FlyteValidationException(present + " is set but " + missing + " is not: set both, or neither to "
          + "use the AWS default credentials (profile files, web identity, instance role)");
    }
    return new Credentials(id, secret, tokenVar == null ? null : trimmed(env, tokenVar));
  }

  private static URI parseEndpoint(String value, String var) {
    URI uri;
    try {
      uri = URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new FlyteValidationException(var + "='" + value + "' is not a URL; set it like http://minio:9000", e);
    }
    checkEndpoint(uri, var);
    return uri;
  }

  private static void checkEndpoint(URI uri, String what) {
    if (uri.getRawUserInfo() != null) {
      throw new FlyteValidationException(what + " must not carry user info (credentials) in the URL; give them "
          + "as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY instead");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new FlyteValidationException(what + "='" + uri + "' is not an http(s) URL with a host; set it like "
          + "http://minio:9000 or https://s3.example.com");
    }
  }

  private static boolean parseBoolean(String value, String var) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on":
        return true;
      case "false", "0", "no", "off":
        return false;
      default:
        throw new FlyteValidationException(var + "='" + value + "' is not a boolean; set it to true or false");
    }
  }

  private static String first(Map<String, String> env, String... vars) {
    for (String var : vars) {
      String v = trimmed(env, var);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String trimmed(Map<String, String> env, String var) {
    String v = env.get(var);
    if (v == null) {
      return null;
    }
    v = v.strip();
    return v.isEmpty() ? null : v;
  }
}
