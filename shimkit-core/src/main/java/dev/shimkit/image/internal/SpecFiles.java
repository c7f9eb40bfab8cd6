package dev.shimkit.image.internal;

import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.image.ImageSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The local files an ImageSpec puts into its image, as (source, target path in the image) pairs per layer,
 * in a deterministic order: list order for the spec's entries, sorted relative paths inside directories.
 * Relative paths are resolved against {@code sourceRoot} (else the working directory).
 */
public final class SpecFiles {
  /** One file: where it is here, and where it goes in the image (absolute unix path). */
  public record Entry(Path source, String target) {
  }

  /** The layers every builder writes, in this order. */
  public record Layers(List<Entry> packages, List<Entry> jars, List<Entry> classes, List<Entry> copy) {
    public List<Entry> all() {
      List<Entry> out = new ArrayList<>(packages);
      out.addAll(jars);
      out.addAll(classes);
      out.addAll(copy);
      return out;
    }
  }

  private SpecFiles() {
  }

  /** The absolute file a spec path refers to. */
  public static Path resolve(Path p, Path sourceRoot) {
    Path base = sourceRoot != null ? sourceRoot : Path.of("");
    return (p.isAbsolute() ? p : base.resolve(p)).toAbsolutePath().normalize();
  }

  /**
   * The machine-independent name of a spec path: relative to {@code sourceRoot} when under it, the path as
   * given when relative, else the file name. Used for the id and the target paths under {@code /root}.
   */
  public static String logicalName(Path p, Path sourceRoot) {
    Path abs = resolve(p, sourceRoot);
    if (sourceRoot != null) {
      Path root = sourceRoot.toAbsolutePath().normalize();
      if (abs.startsWith(root) && !abs.equals(root)) {
        return unix(root.relativize(abs));
      }
    }
    Path n = p.normalize();
    if (!p.isAbsolute() && !n.startsWith("..") && !n.toString().isEmpty()) {
      return unix(n);
    }
    return abs.getFileName() == null ? "" : abs.getFileName().toString();
  }

  /** Resolves every file of the spec (reads directories; needs the local Maven repository for packages). */
  public static Layers layers(ImageSpec spec, MavenLocalRepository repo) {
    List<Entry> packages = new ArrayList<>();
    for (String coordinate : spec.packages()) {
      packages.add(new Entry(repo.resolve(coordinate), ImageLayout.LIBS + "/" + MavenLocalRepository.jarName(coordinate)));
    }
    Layers local = localLayers(spec);
    Layers layers = new Layers(List.copyOf(packages), local.jars(), local.classes(), local.copy());
    checkUnique(layers.all());
    return layers;
  }

  /** The jars, classes and copy layers (no packages: the tag does not need the Maven repository). */
  public static Layers localLayers(ImageSpec spec) {
    Path root = spec.sourceRoot().orElse(null);
    List<Entry> jars = new ArrayList<>();
    for (Path jar : spec.jars()) {
      Path abs = resolve(jar, root);
      if (!Files.isRegularFile(abs)) {
        throw new FlyteValidationException("ImageSpec.jars: " + abs + " is not a file; give existing jar files"
            + " (relative paths are resolved against source_root)");
      }
      jars.add(new Entry(abs, ImageLayout.LIBS + "/" + abs.getFileName()));
    }
    List<Entry> classes = new ArrayList<>();
    for (Path dir : spec.classesDirs()) {
      Path abs = resolve(dir, root);
      if (!Files.isDirectory(abs)) {
        throw new FlyteValidationException("ImageSpec.classes_dirs: " + abs + " is not a directory; give compiled"
            + " class directories such as target/classes");
      }
      walk(abs, ImageLayout.CLASSES, classes);
    }
    List<Entry> copy = new ArrayList<>();
    for (Path p : spec.copy()) {
      Path abs = resolve(p, root);
      String target = ImageLayout.ROOT + "/" + logicalName(p, root);
      if (Files.isDirectory(abs)) {
        walk(abs, target, copy);
      } else if (Files.isRegularFile(abs)) {
        copy.add(new Entry(abs, target));
      } else {
        throw new FlyteValidationException("ImageSpec.copy: " + abs + " does not exist; give files or directories"
            + " to copy into " + ImageLayout.ROOT + " (relative paths are resolved against source_root)");
      }
    }
    Layers layers = new Layers(List.of(), List.copyOf(jars), List.copyOf(classes), List.copyOf(copy));
    checkUnique(layers.all());
    return layers;
  }

  private static void walk(Path dir, String targetDir, List<Entry> out) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(Files::isRegularFile).map(f -> unix(dir.relativize(f))).sorted()
          .forEach(rel -> out.add(new Entry(dir.resolve(rel), targetDir + "/" + rel)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
  }

  private static void checkUnique(List<Entry> entries) {
    Map<String, Path> seen = new HashMap<>();
    for (Entry e : entries) {
      Path before = seen.putIfAbsent(e.target(), e.source());
      if (before != null) {
        throw new FlyteValidationException("ImageSpec: " + before + " and " + e.source() + " would both become "
            + e.target() + " in the image; rename one or drop it");
      }
    }
  }

  static String unix(Path p) {
    return p.toString().replace('\\', '/');
  }
}
