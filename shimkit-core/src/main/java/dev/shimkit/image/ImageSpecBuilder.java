package dev.shimkit.image;

/**
 * Turns an {@link ImageSpec} into an image: the extension point of {@link ImageBuildEngine}, found through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.shimkit.image.ImageSpecBuilder}). Built in:
 * {@code noop} (priority 0) and {@code dockerfile} (1); the {@code shimkit-jib} module adds {@code jib} (5).
 * A spec without a builder name gets the registered builder of highest priority.
 */
public interface ImageSpecBuilder {

  /** The name a spec selects this builder by. */
  String name();

  /** Higher wins when a spec names no builder. */
  int priority();

  /**
   * Builds the image and pushes it when the spec has a registry; returns a {@link ImageBuildResult.Status#BUILT}
   * result with the pushed name (and digest when known). Throws a {@code FlyteException} that says what to fix.
   */
  ImageBuildResult build(ImageSpec spec);

  /** Whether the engine asks the registry first and skips the build when the image is there (noop: false). */
  default boolean checksExistence() {
    return true;
  }
}
