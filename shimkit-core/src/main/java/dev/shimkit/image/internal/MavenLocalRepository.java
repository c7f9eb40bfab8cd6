package dev.shimkit.image.internal;

import dev.shimkit.errors.FlyteValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Finds the jar of a Maven coordinate {@code group:artifact:version} in a local Maven repository (by default
 * {@code $maven.repo.local} or {@code ~/.m2/repository}). Only that jar: dependencies are not followed, and
 * nothing is downloaded — list every jar the image needs, and fetch missing ones with
 * {@code mvn dependency:get -Dartifact=...}.
 */
public final class MavenLocalRepository {
  private static final Pattern COORDINATE = Pattern.compile("[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+:[A-Za-z0-9_.+-]+");

  private final Path root;

  public MavenLocalRepository(Path root) {
    this.root = root;
  }

  /** The repository named by {@code maven.repo.local}, else {@code ~/.m2/repository}. */
  public static MavenLocalRepository defaultRepository() {
    String configured = System.getProperty("maven.repo.local");
    return new MavenLocalRepository(configured != null && !configured.isBlank() ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".m2", "repository"));
  }

  public Path root() {
    return root;
  }

  /** Rejects anything but {@code group:artifact:version}. */
  public static void validate(String coordinate) {
    if (coordinate == null || !COORDINATE.matcher(coordinate).matches()) {
      throw new FlyteValidationException("ImageSpec.packages: '" + coordinate + "' is not a Maven coordinate;"
          + " give group:artifact:version, e.g. com.fasterxml.jackson.core:jackson-databind:2.17.0");
    }
  }

  /** The jar's file name in the image: {@code artifact-version.jar}. */
  public static String jarName(String coordinate) {
    String[] p = coordinate.split(":");
    return p[1] + "-" + p[2] + ".jar";
  }

  /** The jar of {@code coordinate}; a clear error naming the coordinate and the path looked at when absent. */
  public Path resolve(String coordinate) {
    validate(coordinate);
    String[] p = coordinate.split(":");
    Path jar = root.resolve(p[0].replace('.', '/')).resolve(p[1]).resolve(p[2]).resolve(jarName(coordinate));
    if (!Files.isRegularFile(jar)) {
      throw new FlyteValidationException("ImageSpec.packages: artifact " + coordinate + " is not in the local"
          + " Maven repository (looked for " + jar + "); shimkit resolves packages from the local repository only:"
          + " fetch it first with mvn dependency:get -Dartifact=" + coordinate + ", or add the jar with jars()");
    }
    return jar;
  }
}
