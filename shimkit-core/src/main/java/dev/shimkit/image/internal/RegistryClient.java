package dev.shimkit.image.internal;

import dev.shimkit.image.ImageExistence;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Asks a registry whether a manifest exists through the OCI distribution API:
 * {@code HEAD /v2/<repository>/manifests/<tag>} accepting OCI and Docker manifests and indexes. Plain HTTP for
 * {@code localhost}, {@code 127.x} and {@code [::1]} registries, HTTPS otherwise. It does not log in, so a
 * registry that wants credentials gives {@link ImageExistence.Unknown}.
 */
public final class RegistryClient {
  static final String ACCEPT = String.join(",",
      "application/vnd.oci.image.manifest.v1+json",
      "application/vnd.oci.image.index.v1+json",
      "application/vnd.docker.distribution.manifest.v2+json",
      "application/vnd.docker.distribution.manifest.list.v2+json");

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NORMAL).build();

  private RegistryClient() {
  }

  /** The {@code /v2/} base URL of a registry and the repository path of {@code name} in it. */
  public record Location(String baseUrl, String repository) {
    public String manifestUrl(String reference) {
      return baseUrl + "/v2/" + repository + "/manifests/" + reference;
    }
  }

  /** Splits {@code registry} ({@code host[:port][/path...]}) into host and repository prefix. */
  public static Location locate(String registry, String name) {
    int slash = registry.indexOf('/');
    String host = slash < 0 ? registry : registry.substring(0, slash);
    String prefix = slash < 0 ? "" : registry.substring(slash + 1) + "/";
    if (host.equals("docker.io") || host.equals("index.docker.io")) {
      host = "registry-1.docker.io";
      if (prefix.isEmpty() && !name.contains("/")) {
        prefix = "library/";
      }
    }
    String scheme = isLoopback(host) ? "http" : "https";
    return new Location(scheme + "://" + host, prefix + name);
  }

  /** Whether the registry host is this machine (reached over plain HTTP, pushed to as insecure). */
  public static boolean isLoopback(String registry) {
    String host = registry.toLowerCase(Locale.ROOT);
    int slash = host.indexOf('/');
    host = slash < 0 ? host : host.substring(0, slash);
    if (host.startsWith("[")) {
      return host.startsWith("[::1]");
    }
    int colon = host.indexOf(':');
    host = colon < 0 ? host : host.substring(0, colon);
    return host.equals("localhost") || host.startsWith("127.");
  }

  public static ImageExistence exists(String registry, String name, String tag) {
    Location loc = locate(registry, name);
    String url = loc.manifestUrl(tag);
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).method("HEAD", HttpRequest.BodyPublishers.noBody())
        .header("Accept", ACCEPT).timeout(Duration.ofSeconds(30)).build();
    try {
      HttpResponse<Void> response = CLIENT.send(request, HttpResponse.BodyHandlers.discarding());
      int code = response.statusCode();
      if (code == 200) {
        return new ImageExistence.Exists(response.headers().firstValue("Docker-Content-Digest").orElse(null));
      }
      if (code == 404) {
        return new ImageExistence.Missing();
      }
      if (code == 401 || code == 403) {
        return new ImageExistence.Unknown("registry wants credentials (HTTP " + code + " for HEAD " + url
            + "); shimkit's existence check does not log in");
      }
      return new ImageExistence.Unknown("unexpected HTTP " + code + " for HEAD " + url);
    } catch (IOException e) {
      return new ImageExistence.Unknown("cannot reach the registry at " + loc.baseUrl() + " (HEAD " + url + "): "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ImageExistence.Unknown("interrupted while asking " + url);
    }
  }
}
