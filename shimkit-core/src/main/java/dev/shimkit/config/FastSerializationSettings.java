package dev.shimkit.config;

/**
 * Settings for serializing so that code can be fast-registered (copied into a prebuilt image at run time)
 * rather than baked into an image. Counterpart of flytekit's {@code FastSerializationSettings}.
 *
 * @param enabled whether fast registration is on
 * @param destinationDir where the code is unpacked in the container, or null
 * @param distributionLocation where the code archive was uploaded, or null
 */
public record FastSerializationSettings(boolean enabled, String destinationDir, String distributionLocation) {

  /** Fast registration on, unpacking into {@code destinationDir}, archive location not known yet. */
  public static FastSerializationSettings enabled(String destinationDir) {
    return new FastSerializationSettings(true, destinationDir, null);
  }
}
