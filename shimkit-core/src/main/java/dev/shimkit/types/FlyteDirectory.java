package dev.shimkit.types;

import dev.shimkit.storage.FileAccessProvider;
import dev.shimkit.types.internal.RemoteData;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A directory passed between tasks (Flyte blob, dimensionality MULTIPART). As an output, a local directory is
 * uploaded under the raw output prefix and a remote URI is passed through; as an input, the directory is fetched
 * lazily on the first {@link #download()} / {@link #localPath()}, through the file access of the context the
 * literal was converted in.
 */
public final class FlyteDirectory {
  private final RemoteData data;

  private FlyteDirectory(RemoteData data) {
    this.data = data;
  }

  /** A local directory. */
  public static FlyteDirectory of(Path local) {
    return new FlyteDirectory(new RemoteData(local.toString(), null, null, true));
  }

  /** A local path or a remote URI ({@code s3://...}); a remote one is fetched through the current context. */
  public static FlyteDirectory of(String pathOrUri) {
    return new FlyteDirectory(new RemoteData(pathOrUri, null, null, true));
  }

  /** A directory stored under {@code uri}, fetched through {@code access} on first use (what inputs become). */
  public static FlyteDirectory fromRemote(String uri, FileAccessProvider access) {
    return new FlyteDirectory(new RemoteData(uri, uri, access, true));
  }

  /** The path or URI as given. */
  public String path() {
    return data.path();
  }

  /** The URI this directory was read from, when it came from a literal (outputs reuse it instead of uploading). */
  public Optional<String> remoteSource() {
    return Optional.ofNullable(data.remoteSource());
  }

  /** Whether {@link #path()} names remote storage. */
  public boolean isRemote() {
    return data.isRemote();
  }

  /** The directory on local disk, downloading it first if needed (once). */
  public Path download() {
    return data.localPath();
  }

  /** Same as {@link #download()}. */
  public Path localPath() {
    return data.localPath();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FlyteDirectory f && f.data.equals(data);
  }

  @Override
  public int hashCode() {
    return data.hashCode();
  }

  @Override
  public String toString() {
    return "FlyteDirectory(" + data.path() + ")";
  }
}
