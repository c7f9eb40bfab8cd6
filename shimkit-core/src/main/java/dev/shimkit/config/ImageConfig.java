package dev.shimkit.config;

import java.util.List;
import java.util.Optional;

/** The images tasks may refer to by name. SKELETON: completed by the foundation work. */
public record ImageConfig(Image defaultImage, List<Image> images) {

  public ImageConfig {
    images = images == null ? List.of() : List.copyOf(images);
  }

  /** The first image named {@code name}, searching the default image first. */
  public Optional<Image> findImage(String name) {
    if (defaultImage != null && defaultImage.name().equals(name)) {
      return Optional.of(defaultImage);
    }
    return images.stream().filter(i -> i.name().equals(name)).findFirst();
  }
}
