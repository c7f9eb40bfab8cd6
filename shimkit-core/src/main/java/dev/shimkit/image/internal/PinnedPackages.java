package dev.shimkit.image.internal;

import dev.shimkit.errors.FlyteValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Pins {@code group:artifact} to the version on this JVM's class path, read from the
 * {@code META-INF/maven/<group>/<artifact>/pom.properties} that Maven puts into every jar it builds — the JVM
 * analogue of flytekit's {@code from_env} pinning {@code pkg==installed version}.
 */
public final class PinnedPackages {
  private PinnedPackages() {
  }

  public static List<String> pin(List<String> groupArtifacts) {
    List<String> out = new ArrayList<>();
    for (String ga : groupArtifacts) {
      String[] p = ga.split(":");
      if (p.length != 2 || p[0].isBlank() || p[1].isBlank()) {
        throw new FlyteValidationException("ImageSpec.fromEnv: pinned package '" + ga + "' must be group:artifact"
            + " (the version comes from the class path), e.g. com.fasterxml.jackson.core:jackson-databind");
      }
      out.add(ga + ":" + version(p[0], p[1]));
    }
    return out;
  }

  private static String version(String group, String artifact) {
    String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    try (InputStream in = (cl != null ? cl : PinnedPackages.class.getClassLoader()).getResourceAsStream(resource)) {
      if (in == null) {
        throw new FlyteValidationException("ImageSpec.fromEnv: " + group + ":" + artifact + " is not on the class"
            + " path (no " + resource + "); add it to the application or give packages with explicit versions");
      }
      Properties props = new Properties();
      props.load(in);
      String v = props.getProperty("version");
      if (v == null || v.isBlank()) {
        throw new FlyteValidationException("ImageSpec.fromEnv: " + resource + " has no version");
      }
      return v.strip();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
