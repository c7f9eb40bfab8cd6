package dev.shimkit.image.internal;

import dev.shimkit.image.ImageSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The id and tag algorithms of {@link ImageSpec} (see {@code docs/imagespec-tag.md}; keep both in step).
 * Both hash a canonical JSON object whose keys come in this fixed order, each only when set and non-empty:
 * {@code name, base_image, java_version, registry, platform, packages, apt_packages, env, entrypoint,
 * commands, copy, tag_format, jars, classes_dirs, jvm_flags, main_class}; {@code env} with keys sorted.
 * {@code builder}, {@code source_root} and force-push never count.
 * <ul>
 *   <li>id: file fields by their logical names (no file is read, so a container computes the same id);
 *       a base ImageSpec as its own id object.</li>
 *   <li>tag: file fields as {@code "<path in image> sha256:<hex of content>"} for every file (directories
 *       walked in sorted order); a base ImageSpec as its image name; SNAPSHOT packages with their jar's
 *       sha256.</li>
 * </ul>
 * The JSON's UTF-8 bytes are hashed with SHA-256, encoded base64url without padding and cut to 22 chars;
 * the tag also turns {@code -} into {@code _} and applies {@code tag_format}.
 */
public final class SpecHasher {
  private static final int LENGTH = 22;

  private SpecHasher() {
  }

  public static String id(ImageSpec spec) {
    return hash(CanonicalJson.write(idForm(spec)));
  }

  /** Computes the tag from the files as they are now (ImageSpec caches the first result). */
  public static String tag(ImageSpec spec, MavenLocalRepository repo) {
    String hash = hash(CanonicalJson.write(tagForm(spec, repo))).replace('-', '_');
    return spec.tagFormat().map(f -> f.replace("{spec_hash}", hash)).orElse(hash);
  }

  public static Map<String, Object> idForm(ImageSpec spec) {
    Path root = spec.sourceRoot().orElse(null);
    Object base = spec.baseImageSpec().<Object>map(SpecHasher::idForm).orElse(spec.baseImage().orElse(null));
    return form(spec, base, spec.packages(), names(spec.copy(), root), names(spec.jars(), root),
        names(spec.classesDirs(), root));
  }

  public static Map<String, Object> tagForm(ImageSpec spec, MavenLocalRepository repo) {
    SpecFiles.Layers layers = SpecFiles.localLayers(spec);
    Object base = spec.baseImageSpec().<Object>map(ImageSpec::imageName).orElse(spec.baseImage().orElse(null));
    List<String> packages = new ArrayList<>();
    for (String coordinate : spec.packages()) {
      packages.add(coordinate.endsWith("-SNAPSHOT")
          ? coordinate + " sha256:" + sha256Hex(repo.resolve(coordinate)) : coordinate);
    }
    return form(spec, base, packages, contents(layers.copy()), contents(layers.jars()),
        contents(layers.classes()));
  }

  private static Map<String, Object> form(ImageSpec spec, Object base, List<String> packages, List<String> copy,
      List<String> jars, List<String> classes) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", spec.name());
    put(m, "base_image", base);
    m.put("java_version", spec.javaVersion());
    put(m, "registry", spec.registry().orElse(null));
    m.put("platform", spec.platform());
    put(m, "packages", packages);
    put(m, "apt_packages", spec.aptPackages());
    put(m, "env", new TreeMap<>(spec.env()));
    put(m, "entrypoint", spec.entrypoint());
    put(m, "commands", spec.commands());
    put(m, "copy", copy);
    put(m, "tag_format", spec.tagFormat().orElse(null));
    put(m, "jars", jars);
    put(m, "classes_dirs", classes);
    put(m, "jvm_flags", spec.jvmFlags());
    put(m, "main_class", spec.mainClass().orElse(null));
    return m;
  }

  private static void put(Map<String, Object> m, String key, Object v) {
    if (v == null || (v instanceof List<?> l && l.isEmpty()) || (v instanceof Map<?, ?> mm && mm.isEmpty())) {
      return;
    }
    m.put(key, v);
  }

  private static List<String> names(List<Path> paths, Path root) {
    return paths.stream().map(p -> SpecFiles.logicalName(p, root)).toList();
  }

  private static List<String> contents(List<SpecFiles.Entry> entries) {
    return entries.stream().map(e -> e.target() + " sha256:" + sha256Hex(e.source())).toList();
  }

  static String hash(String canonical) {
    byte[] digest = sha256().digest(canonical.getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, LENGTH);
  }

  public static String sha256Hex(Path file) {
    MessageDigest md = sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + " to hash it for the image tag", e);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
