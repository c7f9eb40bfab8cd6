package dev.shimkit.storage;

import dev.shimkit.storage.internal.PersistenceRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Moves data between this process's local sandbox and wherever Flyte keeps it (local disk, S3, ...): the
 * Java counterpart of flytekit's {@code FileAccessProvider}. Remote paths are URIs; a plain path or a
 * {@code file://} URI is local disk. Back ends are {@link DataPersistence} providers chosen by scheme: found
 * once per process through {@link java.util.ServiceLoader}, or given explicitly with {@link #withPersistence}.
 *
 * <p>Instances are immutable and thread-safe; the providers they use are shared by every copy.
 */
public final class FileAccessProvider {
  private final Path localSandboxDir;
  private final String rawOutputPrefix;
  private final Map<String, DataPersistence> overrides;

  /**
   * @param localSandboxDir where downloads and scratch files go; created if missing
   * @param rawOutputPrefix where task outputs' raw data (files, datasets) are uploaded
   */
  public FileAccessProvider(Path localSandboxDir, String rawOutputPrefix) {
    this(localSandboxDir, rawOutputPrefix, Map.of());
  }

  private FileAccessProvider(Path localSandboxDir, String rawOutputPrefix, Map<String, DataPersistence> overrides) {
    Objects.requireNonNull(localSandboxDir, "localSandboxDir");
    Objects.requireNonNull(rawOutputPrefix, "rawOutputPrefix");
    this.localSandboxDir = localSandboxDir.toAbsolutePath();
    this.rawOutputPrefix = stripTrailingSlash(rawOutputPrefix);
    this.overrides = Map.copyOf(overrides);
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
    return new FileAccessProvider(localSandboxDir, prefix, overrides);
  }

  /**
   * A copy that uses {@code persistence} for the schemes it declares instead of the one found through
   * {@link java.util.ServiceLoader}: for a back end configured in code (tests, an explicit S3 endpoint).
   */
  public FileAccessProvider withPersistence(DataPersistence persistence) {
    Map<String, DataPersistence> next = new HashMap<>(overrides);
    for (String scheme : persistence.schemes()) {
      next.put(scheme.toLowerCase(Locale.ROOT), persistence);
    }
    return new FileAccessProvider(localSandboxDir, rawOutputPrefix, next);
  }

  /** Whether {@code path} names remote storage (anything with a scheme other than {@code file}). */
  public static boolean isRemote(String path) {
    return !schemeOf(path).equals("file");
  }

  /**
   * The lower-case scheme of a URI ({@code s3://bucket/key} gives {@code s3}), {@code file} for a plain path
   * or a {@code file:} URI. Only a syntactically valid scheme (a letter, then letters, digits, {@code + - .})
   * followed by {@code ://} counts, so a local path that merely contains {@code ://} stays local.
   */
  public static String schemeOf(String path) {
    Objects.requireNonNull(path, "path");
    int end = schemeEnd(path);
    return end < 0 ? "file" : path.substring(0, end).toLowerCase(Locale.ROOT);
  }

  /**
   * Joins path segments with single slashes, keeping the scheme: {@code join("s3://b/", "/x/", "y")} is
   * {@code s3://b/x/y}. Empty parts are skipped; slashes inside a part are kept as they are.
   */
  public static String join(String base, String... parts) {
    StringBuilder out = new StringBuilder(stripTrailingSlash(base));
    for (String part : parts) {
      String p = stripTrailingSlash(part);
      int start = 0;
      while (start < p.length() && p.charAt(start) == '/') {
        start++;
      }
      if (start == p.length()) {
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != '/') {
        out.append('/');
      }
      out.append(p, start, p.length());
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

  /** Reads a small object (e.g. {@code inputs.pb}) into memory. */
  public byte[] getBytes(String uri) {
    return persistenceFor(uri).getBytes(uri);
  }

  /** Writes a small object (e.g. {@code outputs.pb}) whole or not at all. */
  public String putBytes(byte[] data, String uri) {
    persistenceFor(uri).putBytes(data, uri);
    return uri;
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

  /**
   * The provider for {@code uri}'s scheme: one given to {@link #withPersistence}, else the one found through
   * {@link java.util.ServiceLoader} (loaded once per process).
   *
   * @throws dev.shimkit.errors.FlyteValidationException if no provider handles the scheme
   */
  public DataPersistence persistenceFor(String uri) {
    String scheme = schemeOf(uri);
    DataPersistence given = overrides.get(scheme);
    return given != null ? given : PersistenceRegistry.forScheme(scheme);
  }

  private static String randomName() {
    byte[] bytes = new byte[16];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Index of the {@code :} that ends a valid scheme followed by {@code ://}, or -1. */
  private static int schemeEnd(String s) {
    int colon = s.indexOf("://");
    if (colon <= 0 || !Character.isLetter(s.charAt(0)) || s.charAt(0) > 'z') {
      return -1;
    }
    for (int i = 1; i < colon; i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '+' || c == '-' || c == '.';
      if (!ok) {
        return -1;
      }
    }
    return colon;
  }

  /** Strips trailing slashes, but never the {@code //} after a scheme nor a lone root {@code /}. */
  private static String stripTrailingSlash(String s) {
    int end = schemeEnd(s);
    int keep = end < 0 ? 1 : end + 4; // "/" of a root path, or "scheme://" plus one char
    int len = s.length();
    while (len > keep && s.charAt(len - 1) == '/') {
      len--;
    }
    return s.substring(0, len);
  }
}
