package dev.shimkit.image;

/**
 * Whether an image is in its registry: {@link Exists}, {@link Missing}, or {@link Unknown} with the reason
 * (registry unreachable, credentials needed, no registry set). Callers decide what an unknown answer means;
 * {@link ImageBuildEngine} follows flytekit: assume it exists unless {@code FLYTE_IMG_FAST_FAIL} is true.
 */
public sealed interface ImageExistence {

  /** The registry answered 200 for the manifest. */
  record Exists(String digest) implements ImageExistence {
  }

  /** The registry answered 404 for the manifest. */
  record Missing() implements ImageExistence {
  }

  /** No definite answer; {@code reason} says why. */
  record Unknown(String reason) implements ImageExistence {
  }
}
