package dev.shimkit.sql.internal;

import dev.shimkit.errors.FlyteDataException;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.storage.DataPersistence;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Set;

/**
 * Read-only storage for {@code http://} and {@code https://} URIs, so a SQLite database can be fetched from a
 * web server as flytekit's fsspec allows. Redirects are followed; a 404 is "not found"; writing is refused.
 * Registered for {@link java.util.ServiceLoader}; a provider for these schemes found earlier wins.
 */
public final class HttpDataPersistence implements DataPersistence {
  private volatile HttpClient client;

  @Override
  public Set<String> schemes() {
    return Set.of("http", "https");
  }

  private HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      c = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(30)).build();
      client = c;
    }
    return c;
  }

  @Override
  public boolean exists(String uri) {
    try {
      HttpResponse<Void> r = client().send(HttpRequest.newBuilder(URI.create(uri))
          .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
      return r.statusCode() / 100 == 2;
    } catch (IOException e) {
      throw FlyteDataException.download(uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw FlyteDataException.download(uri, e);
    }
  }

  @Override
  public void get(String uri, Path local, boolean recursive) {
    if (recursive) {
      throw new FlyteValidationException("Cannot download a directory over HTTP (" + uri + "): only single files");
    }
    Path tmp = null;
    try {
      HttpResponse<InputStream> r = client().send(HttpRequest.newBuilder(URI.create(uri)).GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = r.body()) {
        if (r.statusCode() == 404 || r.statusCode() == 410) {
          throw FlyteDataException.notFound(uri);
        }
        if (r.statusCode() / 100 != 2) {
          throw FlyteDataException.download(uri, new IOException("HTTP status " + r.statusCode()));
        }
        Path parent = local.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        tmp = Files.createTempFile(parent, ".download", ".tmp");
        Files.copy(body, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, local, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        tmp = null;
      }
    } catch (IOException e) {
      throw FlyteDataException.download(uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw FlyteDataException.download(uri, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // leftover temporary file
        }
      }
    }
  }

  @Override
  public void put(Path local, String uri, boolean recursive) {
    throw new FlyteValidationException("HTTP storage is read-only: cannot upload to " + uri
        + "; use a raw output prefix on local disk or S3");
  }
}
