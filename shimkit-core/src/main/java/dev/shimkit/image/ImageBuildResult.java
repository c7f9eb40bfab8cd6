package dev.shimkit.image;

/**
 * What {@link ImageBuildEngine#build} did.
 *
 * @param status built, or why not
 * @param imageName the image to run ({@code [registry/]name:tag}, or the base image for {@code noop});
 *     null only for {@link Status#IN_EXECUTION}, where nothing is computed
 * @param digest the manifest digest ({@code sha256:...}) when known, else null
 * @param detail a human-readable note (the unknown-existence reason, the builder's note), or null
 */
public record ImageBuildResult(Status status, String imageName, String digest, String detail) {

  public enum Status {
    /** The builder built (and pushed) the image. */
    BUILT,
    /** The registry has the image (or the builder builds nothing): not built. */
    EXISTS,
    /** The registry could not tell; assumed present as flytekit does (see {@code FLYTE_IMG_FAST_FAIL}). */
    ASSUMED_EXISTS,
    /** Called inside a running task: images are never built there. */
    IN_EXECUTION
  }

  public static ImageBuildResult built(String imageName, String digest) {
    return new ImageBuildResult(Status.BUILT, imageName, digest, null);
  }
}
