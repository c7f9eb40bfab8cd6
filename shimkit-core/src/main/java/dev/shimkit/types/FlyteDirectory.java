package dev.shimkit.types;

import dev.shimkit.storage.FileAccessProvider;
import dev.shimkit.types.internal.RemoteData;
import java.nio.file.Path;

/**
 * A directory passed between tasks (Flyte blob, dimensionality MULTIPART). As an output, a local directory is
 * uploaded under the raw output prefix and a remote URI is passed through; as an input, the directory is fetched
 * lazily on the first {@link #download()} / {@link #localPath()}, through the file access of the context the
 * literal was converted in.
 */
public final class FlyteDirectory extends Blob {

  private FlyteDirectory(RemoteData data) {
    super(data);
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
}
