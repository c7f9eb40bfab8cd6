package dev.shimkit.types;

import dev.shimkit.storage.FileAccessProvider;
import dev.shimkit.types.internal.RemoteData;
import java.nio.file.Path;

/**
 * A single file passed between tasks (Flyte blob, dimensionality SINGLE). As an output, a local path is
 * uploaded under the raw output prefix and a remote URI is passed through; as an input, the file is fetched
 * lazily on the first {@link #download()} / {@link #localPath()}, through the file access of the context the
 * literal was converted in.
 */
public final class FlyteFile extends Blob {

  private FlyteFile(RemoteData data) {
    super(data);
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
}
