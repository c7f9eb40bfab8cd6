package dev.shimkit.types.internal;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.storage.FileAccessProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The state behind a {@code FlyteFile} or {@code FlyteDirectory}: a local path or a URI, and, for data that
 * came from a literal, the file access it is fetched through on first use (once, thread-safe).
 */
public final class RemoteData {
  private final String path;
  private final String remoteSource;
  private final FileAccessProvider access;
  private final boolean multipart;
  private Path local;

  public RemoteData(String path, String remoteSource, FileAccessProvider access, boolean multipart) {
    this.path = Objects.requireNonNull(path, "path");
    this.remoteSource = remoteSource;
    this.access = access;
    this.multipart = multipart;
  }

  public String path() {
    return path;
  }

  public String remoteSource() {
    return remoteSource;
  }

  /** Whether the data lives outside this machine's file system (any scheme but {@code file}). */
  public boolean isRemote() {
    return FileAccessProvider.isRemote(path);
  }

  /** Whether the data is on local disk already, so reading needs no download. */
  public synchronized boolean isDownloaded() {
    return local != null || (remoteSource == null && !isRemote());
  }

  /** The local copy, downloading it first when needed. */
  public synchronized Path localPath() {
    if (local != null) {
      return local;
    }
    if (remoteSource == null && !isRemote()) {
      local = toLocal(path);
      return local;
    }
    FileAccessProvider fa = access != null ? access : FlyteContext.current().fileAccess();
    Path target = fa.getRandomLocalPath();
    String name = lastSegment(path);
    if (!multipart && !name.isEmpty()) {
      target = target.resolve(name);
    }
    try {
      Files.createDirectories(multipart ? target : target.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + target, e);
    }
    local = fa.getData(path, target, multipart);
    return local;
  }

  /** The last path segment of a path or URI, without trailing slashes. */
  public static String lastSegment(String pathOrUri) {
    String p = pathOrUri;
    while (p.endsWith("/") && p.length() > 1) {
      p = p.substring(0, p.length() - 1);
    }
    int slash = p.lastIndexOf('/');
    String name = slash >= 0 ? p.substring(slash + 1) : p;
    return name.contains(":") && name.endsWith(":") ? "" : name;
  }

  public static Path toLocal(String pathOrUri) {
    return pathOrUri.startsWith("file://") ? Path.of(java.net.URI.create(pathOrUri)) : Path.of(pathOrUri);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RemoteData r && r.path.equals(path) && Objects.equals(r.remoteSource, remoteSource)
        && r.multipart == multipart;
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, remoteSource, multipart);
  }
}
