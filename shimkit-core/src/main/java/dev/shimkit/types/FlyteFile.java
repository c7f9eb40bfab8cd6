package dev.shimkit.types;

import dev.shimkit.storage.FileAccessProvider;
import dev.shimkit.types.internal.RemoteData;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A single file passed between tasks (Flyte blob, dimensionality SINGLE). As an output, a local path is
 * uploaded under the raw output prefix and a remote URI is passed through; as an input, the file is fetched
 * lazily on the first {@link #download()} / {@link #localPath()}, through the file access of the context the
 * literal was converted in.
 */
public final class FlyteFile {
  private final RemoteData data;

  private FlyteFile(RemoteData data) {
    this.data = data;
  }

  /** A local file. */
  public static FlyteFile of(Path local) {
    return new FlyteFile(new RemoteData(local.toString(), null, null, false));
  }

  /** A local path or a remote URI ({@code s3://...}); a remote one is fetched through the current context. */
  public static FlyteFile of(String pathOrUri) {
    return new FlyteFile(new RemoteData(pathOrUri, null, null, false));
  }

  /** A file stored at {@code uri}, fetched through {@code access} on first use (what inputs become). */
  public static FlyteFile fromRemote(String uri, FileAccessProvider access) {
    return new FlyteFile(new RemoteData(uri, uri, access, false));
  }

  /** The path or URI as given. */
  public String path() {
    return data.path();
  }

  /** The URI this file was read from, when it came from a literal (outputs reuse it instead of uploading). */
  public Optional<String> remoteSource() {
    return Optional.ofNullable(data.remoteSource());
  }

  /** Whether {@link #path()} names remote storage. */
  public boolean isRemote() {
    return data.isRemote();
  }

  /** The file on local disk, downloading it first if needed (once). */
  public Path download() {
    return data.localPath();
  }

  /** Same as {@link #download()}. */
  public Path localPath() {
    return data.localPath();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FlyteFile f && f.data.equals(data);
  }

  @Override
  public int hashCode() {
    return data.hashCode();
  }

  @Override
  public String toString() {
    return "FlyteFile(" + data.path() + ")";
  }
}
