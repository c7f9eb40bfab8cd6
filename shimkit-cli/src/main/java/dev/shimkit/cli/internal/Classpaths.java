package dev.shimkit.cli.internal;

import dev.shimkit.errors.FlyteUserException;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code --classpath} values: entries separated by the platform path separator, each a jar or directory. */
public final class Classpaths {
  private Classpaths() {
  }

  /** The entries of {@code classpath} (null or blank: none); each must exist. */
  public static List<Path> parse(String classpath) {
    if (classpath == null || classpath.isBlank()) {
      return List.of();
    }
    List<Path> out = new ArrayList<>();
    for (String s : classpath.split(File.pathSeparator)) {
      if (s.isBlank()) {
        continue;
      }
      Path p = Path.of(s);
      if (!Files.exists(p)) {
        throw new FlyteUserException("Classpath entry " + p + " does not exist; give jars or class directories "
            + "separated by '" + File.pathSeparator + "'");
      }
      out.add(p);
    }
    return out;
  }

  /** File URLs of {@code paths}, for a class loader. */
  public static URL[] urls(List<Path> paths) {
    URL[] urls = new URL[paths.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = paths.get(i).toAbsolutePath().toUri().toURL();
      } catch (MalformedURLException e) {
        throw new FlyteUserException("Classpath entry " + paths.get(i) + " is not a valid path: " + e.getMessage(), e);
      }
    }
    return urls;
  }

  /** {@code paths} joined with the platform separator. */
  public static String join(List<Path> paths) {
    return String.join(File.pathSeparator, paths.stream().map(p -> p.toAbsolutePath().toString()).toList());
  }
}
