package dev.shimkit.image.internal;

import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.image.ImageBuildResult;
import dev.shimkit.image.ImageSpec;
import dev.shimkit.image.ImageSpecBuilder;

/** Builds nothing: the spec names an existing image as its base image, which is what runs (flytekit's noop). */
public final class NoOpBuilder implements ImageSpecBuilder {
  @Override
  public String name() {
    return ImageSpec.NOOP_BUILDER;
  }

  @Override
  public int priority() {
    return 0;
  }

  @Override
  public boolean checksExistence() {
    return false;
  }

  @Override
  public ImageBuildResult build(ImageSpec spec) {
    String base = spec.baseImage().orElseThrow(() -> new FlyteValidationException("ImageSpec " + spec.name()
        + ": the noop builder builds nothing, so base_image must name the existing image to use (a string,"
        + " e.g. ghcr.io/acme/app:v1)"));
    return new ImageBuildResult(ImageBuildResult.Status.EXISTS, base, null, "noop builder: using the base image");
  }
}
