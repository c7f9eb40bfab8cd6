package dev.shimkit.storage;

import dev.shimkit.errors.FlyteValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Moves data between this process's local sandbox and wherever Flyte keeps it (local disk, S3, ...): the
 * Java counterpart of flytekit's {@code FileAccessProvider}. Remote paths are URIs; a plain path or a
 * {@code file://} URI is local disk. Back ends are {@link DataPersistence} providers chosen by scheme.
 */
public final class FileAccessProvider {
  private final Path localSandboxDir;
  private final String rawOutputPrefix;
  private final Map<String, DataPersistence> byScheme = new ConcurrentHashMap<>();

  /**
   * @param localSandboxDir where downloads and scratch files go; created if missing
   * @param rawOutputPrefix where task outputs' raw data (files, datasets) are uploaded
   */
  public FileAccessProvider(Path localSandboxDir, String rawOutputPrefix) {
    this.localSandboxDir = localSandboxDir.toAbsolutePath();
    this.rawOutputPrefix = stripTrailingSlash(rawOutputPrefix);
    try {
      Files.createDirectories(this.localSandboxDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create local sandbox " + this.localSandboxDir, e);
    }
  }

  /** A provider whose raw output prefix is the directory {@code raw} inside the sandbox. */
  public static FileAccessProvider local(Path localSandboxDir) {
    return new FileAccessProvider(localSandboxDir, localSandboxDir.toAbsolutePath().resolve("raw").toString());
  }

  public Path localSandboxDir() {
    return localSandboxDir;
  }

  public String rawOutputPrefix() {
    return rawOutputPrefix;
  }

  /** A copy that uploads raw outputs under another prefix. */
  public FileAccessProvider withRawOutputPrefix(String prefix) {
    return new FileAccessProvider(localSandboxDir, prefix);
  }

  /** Whether {@code path} names remote storage (anything with a scheme other than {@code file}). */
  public static boolean isRemote(String path) {
    String scheme = schemeOf(path);
    return !scheme.equals("file");
  }

  /** The lower-case scheme of a URI, {@code file} for a plain path. */
  public static String schemeOf(String path) {
    int colon = path.indexOf("://");
    if (colon <= 0) {
      return "file";
    }
    return path.substring(0, colon).toLowerCase(Locale.ROOT);
  }

  /** Joins path segments with single slashes, keeping the scheme. */
  public static String join(String base, String... parts) {
    StringBuilder out = new StringBuilder(stripTrailingSlash(base));
    for (String part : parts) {
      String p = part;
      while (p.startsWith("/")) {
        p = p.substring(1);
      }
      out.append('/').append(stripTrailingSlash(p));
    }
    return out.toString();
  }

  /** Downloads {@code remotePath} (a file, or a prefix when {@code multipart}) to {@code localPath}. */
  public Path getData(String remotePath, Path localPath, boolean multipart) {
    persistenceFor(remotePath).get(remotePath, localPath, multipart);
    return localPath;
  }

  /** Uploads {@code localPath} (a file, or a directory when {@code multipart}) to {@code remotePath}. */
  public String putData(Path localPath, String remotePath, boolean multipart) {
    persistenceFor(remotePath).put(localPath, remotePath, multipart);
    return remotePath;
  }

  /** Whether anything exists at {@code uri}. */
  public boolean exists(String uri) {
    return persistenceFor(uri).exists(uri);
  }

  /** A fresh location under the raw output prefix, optionally ending in {@code fileName}. */
  public String getRandomRemotePath(String fileName) {
    String dir = join(rawOutputPrefix, randomName());
    return fileName == null || fileName.isEmpty() ? dir : join(dir, fileName);
  }

  /** A fresh prefix under the raw output prefix. */
  public String getRandomRemoteDirectory() {
    return join(rawOutputPrefix, randomName());
  }

  /** A fresh path inside the local sandbox (not created). */
  public Path getRandomLocalPath() {
    return localSandboxDir.resolve("local_flytekit").resolve(randomName());
  }

  /** A fresh, created directory inside the local sandbox. */
  public Path getRandomLocalDirectory() {
    Path dir = getRandomLocalPath();
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + dir, e);
    }
  }

  /** The provider for {@code uri}'s scheme, loaded once per scheme through {@link ServiceLoader}. */
  public DataPersistence persistenceFor(String uri) {
    String scheme = schemeOf(uri);
    return byScheme.computeIfAbsent(scheme, FileAccessProvider::load);
  }

  private static DataPersistence load(String scheme) {
    for (DataPersistence p : ServiceLoader.load(DataPersistence.class, FileAccessProvider.class.getClassLoader())) {
      if (p.schemes().contains(scheme)) {
        return p;
      }
    }
    throw new FlyteValidationException("No storage provider for scheme '" + scheme + "://'. Add the module that "
        + "provides it to the classpath (s3:// comes with shimkit-s3).");
  }

  private static String randomName() {
    byte[] bytes = new byte[16];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static String stripTrailingSlash(String s) {
    String out = s;
    while (out.length() > 1 && out.endsWith("/") && !out.endsWith("://")) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }
}
