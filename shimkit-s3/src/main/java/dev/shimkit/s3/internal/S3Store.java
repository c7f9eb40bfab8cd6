package dev.shimkit.s3.internal;

import dev.shimkit.errors.FlyteDataException;
import dev.shimkit.s3.S3Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 operations behind {@link dev.shimkit.s3.S3DataPersistence}: files stream from and to disk (never a
 * whole file in memory), large files go up in parts, and every download lands in a temporary sibling that is
 * renamed into place. SDK failures become {@link FlyteDataException}s through {@link S3Errors}.
 */
public final class S3Store implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(S3Store.class);

  private final S3Client client;
  private final S3Settings settings;
  private final S3Errors errors;

  public S3Store(S3Client client, S3Settings settings) {
    this.client = client;
    this.settings = settings;
    this.errors = new S3Errors(settings);
  }

  public boolean exists(String uri) {
    S3Location loc = S3Location.parse(uri);
    try {
      if (loc.key().isEmpty()) {
        return bucketExists(loc.bucket());
      }
      if (!loc.key().endsWith("/") && objectExists(loc)) {
        return true;
      }
      return client.listObjectsV2(r -> r.bucket(loc.bucket()).prefix(loc.directoryPrefix()).maxKeys(1)).keyCount() > 0;
    } catch (SdkException e) {
      if (S3Errors.isNotFound(e)) {
        return false; // the bucket itself is missing
      }
      throw errors.download(uri, e);
    }
  }

  public void get(String uri, Path local, boolean recursive) {
    S3Location loc = S3Location.parse(uri);
    try {
      if (!recursive) {
        download(loc, local);
        return;
      }
      List<S3Object> objects = list(loc);
      if (objects.isEmpty()) {
        if (loc.key().isEmpty() || loc.key().endsWith("/")) {
          throw FlyteDataException.notFound(uri);
        }
        download(loc, local); // a single object asked for as a "directory": copy it like local disk does
        return;
      }
      Path root = local.toAbsolutePath().normalize();
      Files.createDirectories(root);
      String prefix = loc.directoryPrefix();
      for (S3Object object : objects) {
        String relative = object.key().substring(prefix.length());
        if (relative.isEmpty() || relative.endsWith("/")) {
          continue; // "folder" marker objects some tools create
        }
        download(new S3Location(loc.bucket(), object.key()), localTarget(root, relative, uri, object.key()));
      }
    } catch (SdkException e) {
      throw errors.download(uri, e);
    } catch (IOException | UncheckedIOException e) {
      throw errors.download(uri, e);
    }
  }

  public void put(Path local, String uri, boolean recursive) {
    S3Location loc = S3Location.parse(uri);
    if (!Files.exists(local)) {
      throw FlyteDataException.notFound(local.toString());
    }
    try {
      if (!Files.isDirectory(local)) {
        upload(local, loc);
        return;
      }
      if (!recursive) {
        throw new FlyteDataException(FlyteDataException.UPLOAD_CODE, "Cannot upload directory " + local + " to "
            + uri + " as a single object: pass multipart=true to upload a directory", null, false);
      }
      for (Path file : listFiles(local)) {
        String relative = local.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        upload(file, new S3Location(loc.bucket(), loc.child(relative)));
      }
    } catch (SdkException e) {
      throw errors.upload(uri, e);
    } catch (IOException | UncheckedIOException e) {
      throw errors.upload(uri, e);
    }
  }

  public byte[] getBytes(String uri) {
    S3Location loc = S3Location.parse(uri);
    try {
      return client.getObjectAsBytes(r -> r.bucket(loc.bucket()).key(loc.key())).asByteArray();
    } catch (SdkException e) {
      throw errors.download(uri, e);
    }
  }

  public void putBytes(byte[] data, String uri) {
    S3Location loc = S3Location.parse(uri);
    try {
      client.putObject(r -> r.bucket(loc.bucket()).key(loc.key()), RequestBody.fromBytes(data));
    } catch (SdkException e) {
      throw errors.upload(uri, e);
    }
  }

  @Override
  public void close() {
    client.close();
  }

  /**
   * Where the object with {@code key} ({@code relative} to the prefix) lands under {@code root}. Keys are
   * data from the store: one that would resolve outside {@code root} ({@code ..}, a leading slash) is refused.
   */
  static Path localTarget(Path root, String relative, String uri, String key) {
    Path target = root.resolve(relative).normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      throw new FlyteDataException(FlyteDataException.DOWNLOAD_CODE, "Cannot download " + uri + ": object key '"
          + key + "' would land outside " + root, null, false);
    }
    return target;
  }

  private boolean bucketExists(String bucket) {
    try {
      client.headBucket(r -> r.bucket(bucket));
      return true;
    } catch (SdkException e) {
      if (S3Errors.isNotFound(e)) {
        return false;
      }
      throw e;
    }
  }

  private boolean objectExists(S3Location loc) {
    try {
      client.headObject(r -> r.bucket(loc.bucket()).key(loc.key()));
      return true;
    } catch (SdkException e) {
      if (S3Errors.isNotFound(e) && !S3Errors.isMissingBucket(e)) {
        return false;
      }
      throw e;
    }
  }

  private List<S3Object> list(S3Location loc) {
    List<S3Object> out = new ArrayList<>();
    client.listObjectsV2Paginator(r -> r.bucket(loc.bucket()).prefix(loc.directoryPrefix())).contents()
        .forEach(out::add);
    return out;
  }

  private void download(S3Location loc, Path target) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    // toFile() needs a path that does not exist yet; it deletes it itself before an SDK retry
    Path tmp = parent.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current()
        .nextLong()) + ".part");
    try {
      client.getObject(r -> r.bucket(loc.bucket()).key(loc.key()), ResponseTransformer.toFile(tmp));
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      LOG.debug("Downloaded {} to {}", loc, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private void upload(Path file, S3Location loc) throws IOException {
    long size = Files.size(file);
    if (size >= settings.multipartThreshold()) {
      uploadInParts(file, size, loc);
    } else {
      client.putObject(r -> r.bucket(loc.bucket()).key(loc.key()), RequestBody.fromFile(file));
    }
    LOG.debug("Uploaded {} ({} bytes) to {}", file, size, loc);
  }

  /** A multipart upload: the object appears only when the last call completes it, so it is whole or absent. */
  private void uploadInParts(Path file, long size, S3Location loc) {
    String uploadId = client.createMultipartUpload(r -> r.bucket(loc.bucket()).key(loc.key())).uploadId();
    try {
      List<CompletedPart> parts = new ArrayList<>();
      long partSize = settings.partSize();
      int number = 1;
      for (long offset = 0; offset < size; offset += partSize, number++) {
        long length = Math.min(partSize, size - offset);
        long start = offset;
        int partNumber = number;
        String eTag = client.uploadPart(
            r -> r.bucket(loc.bucket()).key(loc.key()).uploadId(uploadId).partNumber(partNumber)
                .contentLength(length),
            RequestBody.fromContentProvider(() -> slice(file, start, length), length, "application/octet-stream"))
            .eTag();
        parts.add(CompletedPart.builder().partNumber(partNumber).eTag(eTag).build());
      }
      client.completeMultipartUpload(r -> r.bucket(loc.bucket()).key(loc.key()).uploadId(uploadId)
          .multipartUpload(m -> m.parts(parts)));
    } catch (RuntimeException e) {
      try {
        client.abortMultipartUpload(r -> r.bucket(loc.bucket()).key(loc.key()).uploadId(uploadId));
      } catch (RuntimeException abortFailed) {
        e.addSuppressed(abortFailed);
      }
      throw e;
    }
  }

  /** {@code length} bytes of {@code file} from {@code offset}: one part's body, re-opened on each attempt. */
  private static InputStream slice(Path file, long offset, long length) {
    try {
      InputStream in = Files.newInputStream(file);
      in.skipNBytes(offset);
      return new BoundedInputStream(in, length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> listFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
      return walk.filter(p -> !Files.isDirectory(p)).sorted().toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
