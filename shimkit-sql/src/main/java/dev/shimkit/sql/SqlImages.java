package dev.shimkit.sql;

import dev.shimkit.config.ImageConfig;
import dev.shimkit.internal.ShimkitVersion;

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

  /** The image for a task with no image of its own: the config's {@value #IMAGE_NAME} image, else the default. */
  public static String resolve(ImageConfig config) {
    if (config != null) {
      return config.findImage(IMAGE_NAME).map(dev.shimkit.config.Image::full).orElse(DEFAULT_IMAGE);
    }
    return DEFAULT_IMAGE;
  }
}
