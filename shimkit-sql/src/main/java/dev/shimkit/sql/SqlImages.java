package dev.shimkit.sql;

import dev.shimkit.config.ImageConfig;
import dev.shimkit.image.ImageSpec;
import dev.shimkit.internal.ShimkitVersion;
import java.nio.file.Path;
import java.util.List;

/**
 * The image SQL tasks run in when their author names none. The image config decides first: an image named
 * {@value #IMAGE_NAME} ({@code --image sql=<uri>}, i.e. the reference {@value #IMAGE_REFERENCE}) is used
 * when present; otherwise {@link #DEFAULT_IMAGE}, the published shimkit SQL image of this shimkit version.
 * The image needs the shimkit-sql module on its class path and {@code shimkit-execute} (and
 * {@code pyflyte-execute}, for templates authored by flytekit) on its {@code PATH}.
 */
public final class SqlImages {
  /** The image config name that overrides the default. */
  public static final String IMAGE_NAME = "sql";
  /** The image reference tasks resolve when the config has an image named {@value #IMAGE_NAME}. */
  public static final String IMAGE_REFERENCE = "{{.image.sql}}";
  /** Where the default image is published. */
  public static final String DEFAULT_REPOSITORY = "ghcr.io/shimkit/shimkit-sql";
  /** The default image: {@link #DEFAULT_REPOSITORY} tagged with this shimkit version. */
  public static final String DEFAULT_IMAGE = DEFAULT_REPOSITORY + ":" + ShimkitVersion.get();

  private SqlImages() {
  }

  /** Where the image puts the distribution ({@code bin/}, {@code lib/}), as the jib and dockerfile builders copy. */
  public static final String IMAGE_HOME = "/root";
  /** The JRE image SQL images start from (Eclipse Temurin's, which keeps Java in /opt/java/openjdk). */
  public static final String BASE_IMAGE = "eclipse-temurin:17-jre";

  /**
   * The SQL executors' image: {@link #BASE_IMAGE} plus a shimkit distribution ({@code shimkit-dist}'s
   * {@code bin/} and {@code lib/}, which hold the runtime and shimkit-sql) under {@value #IMAGE_HOME}, with
   * {@code shimkit-execute} and {@code pyflyte-execute} on the {@code PATH}. Its tag is a hash of the spec
   * and of every copied file, so it changes exactly when the distribution does. Build it with
   * {@code ImageBuildEngine} (jib needs no Docker daemon) and give it to tasks as {@code --image sql=<name>}.
   *
   * @param distribution a distribution directory holding {@code bin/} and {@code lib/}
   * @param registry where to push, e.g. {@code ghcr.io/acme}
   */
  public static ImageSpec imageSpec(Path distribution, String registry) {
    return ImageSpec.builder()
        .name("shimkit-sql")
        .registry(registry)
        .baseImage(BASE_IMAGE)
        .sourceRoot(distribution)
        .copy(List.of(Path.of("bin"), Path.of("lib")))
        .env("SHIMKIT_HOME", IMAGE_HOME)
        .env("PATH", IMAGE_HOME + "/bin:/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
        .build();
  }

  /** The image for a task with no image of its own: the config's {@value #IMAGE_NAME} image, else the default. */
  public static String resolve(ImageConfig config) {
    if (config != null) {
      return config.findImage(IMAGE_NAME).map(dev.shimkit.config.Image::full).orElse(DEFAULT_IMAGE);
    }
    return DEFAULT_IMAGE;
  }
}
