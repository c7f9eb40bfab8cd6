package dev.shimkit.types;

import dev.shimkit.types.internal.RemoteData;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@link FlyteFile} and {@link FlyteDirectory} share: a local path or a remote URI, fetched lazily (once,
 * thread-safe) through the file access of the context the literal was converted in.
 */
public abstract sealed class Blob permits FlyteFile, FlyteDirectory {
  private final RemoteData data;

  Blob(RemoteData data) {
    this.data = data;
  }

  /** The path or URI as given. */
  public String path() {
    return data.path();
  }

  /** The URI this was read from, when it came from a literal (outputs reuse it instead of uploading). */
  public Optional<String> remoteSource() {
    return Optional.ofNullable(data.remoteSource());
  }

  /** Whether {@link #path()} names remote storage. */
  public boolean isRemote() {
    return data.isRemote();
  }

  /** The data on local disk, downloading it first if needed (once). */
  public Path download() {
    return data.localPath();
  }

  /** Same as {@link #download()}. */
  public Path localPath() {
    return data.localPath();
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((Blob) o).data.equals(data);
  }

  @Override
  public int hashCode() {
    return data.hashCode();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + data.path() + ")";
  }
}
