package dev.shimkit.config;

import dev.shimkit.config.internal.ImageConfigFiles;
import dev.shimkit.config.internal.SettingsJson;
import dev.shimkit.errors.FlyteValidationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The images tasks may refer to by name: a default image and the others. Counterpart of flytekit's
 * {@code ImageConfig}; like there, the factories put the default image into {@link #images()} too.
 *
 * @param defaultImage the image named {@code default}, or null
 * @param images all known images (never null)
 */
public record ImageConfig(Image defaultImage, List<Image> images) {

  /** Environment variable naming the default image when none is given (as flytekit reads it). */
  public static final String INTERNAL_IMAGE_ENV_VAR = "FLYTE_INTERNAL_IMAGE";

  public ImageConfig {
    images = images == null ? List.of() : List.copyOf(images);
  }

  /** A config with only a default image (not repeated in {@link #images()}). */
  public static ImageConfig ofDefault(Image defaultImage) {
    return new ImageConfig(defaultImage, List.of());
  }

  /** The first image named {@code name}, searching the default image first, then {@link #images()} in order. */
  public Optional<Image> findImage(String name) {
    if (defaultImage != null && defaultImage.name().equals(name)) {
      return Optional.of(defaultImage);
    }
    return images.stream().filter(i -> i.name().equals(name)).findFirst();
  }

  /** {@code images = [defaultImage] + others}; a null default leaves just the others. */
  public static ImageConfig createFrom(Image defaultImage, List<Image> others) {
    List<Image> all = new ArrayList<>();
    if (defaultImage != null) {
      all.add(defaultImage);
    }
    if (others != null) {
      all.addAll(others);
    }
    return new ImageConfig(defaultImage, all);
  }

  /**
   * From references: {@code defaultImage} (tag or digest required) named {@code default}, and
   * {@code others} mapping names to references (tag optional), kept in the map's iteration order.
   */
  public static ImageConfig fromImages(String defaultImage, Map<String, String> others) {
    Image def = defaultImage == null || defaultImage.isEmpty() ? null
        : Image.lookUpImageInfo(Image.DEFAULT_IMAGE_NAME, defaultImage, false);
    List<Image> rest = new ArrayList<>();
    if (others != null) {
      others.forEach((k, v) -> rest.add(Image.lookUpImageInfo(k, v, true)));
    }
    return createFrom(def, rest);
  }

  /** {@link #auto(Path, String, Map)} reading the process environment. */
  public static ImageConfig auto(Path configFile, String imgName) {
    return auto(configFile, imgName, System.getenv());
  }

  /**
   * The image config of a command line or a config file. The default image is {@code imgName} (tag or digest
   * required), else {@code $FLYTE_INTERNAL_IMAGE} when set. The other images come from {@code configFile}
   * when given: a YAML file ({@code .yaml}/{@code .yml}, flytectl style) with a top-level {@code images:} map
   * of name to reference, or a legacy ini file with an {@code [images]} section of {@code name=reference}
   * lines (names lower-cased, as Python's configparser does). Their tags are optional.
   *
   * @param configFile the config file, or null
   * @param imgName the default image reference, or null
   * @param env the environment to read {@code FLYTE_INTERNAL_IMAGE} from
   */
  public static ImageConfig auto(Path configFile, String imgName, Map<String, String> env) {
    String def = imgName != null && !imgName.isEmpty() ? imgName : env.get(INTERNAL_IMAGE_ENV_VAR);
    if ((def == null || def.isEmpty()) && configFile == null) {
      throw new FlyteValidationException("No image given: pass a default image (e.g. ghcr.io/acme/app:v1), set "
          + INTERNAL_IMAGE_ENV_VAR + ", or give a config file with an images section");
    }
    Map<String, String> others = configFile == null ? Map.of() : ImageConfigFiles.readImages(configFile);
    return fromImages(def, others);
  }

  /** {@link #validateImage(List, Map)} reading the process environment. */
  public static ImageConfig validateImage(List<String> values) {
    return validateImage(values, System.getenv());
  }

  /**
   * Parses command-line image options ({@code --image}): each value is {@code name=reference} (split at the
   * first {@code =}) or a bare reference, which names the default image. Tags or digests are required. Only
   * one default may be given; without one, {@code $FLYTE_INTERNAL_IMAGE} is the default when set, else the
   * config has no default image (shimkit has no built-in default image yet).
   */
  public static ImageConfig validateImage(List<String> values, Map<String, String> env) {
    Image def = null;
    List<Image> others = new ArrayList<>();
    for (String v : values) {
      Image img;
      int eq = v.indexOf('=');
      if (eq >= 0) {
        String name = v.substring(0, eq);
        if (name.isEmpty()) {
          throw new FlyteValidationException("--image " + v + ": the name before '=' is empty; give name=reference"
              + " (e.g. sql=ghcr.io/acme/sql:v1) or just the reference for the default image");
        }
        img = Image.lookUpImageInfo(name, v.substring(eq + 1), false);
      } else {
        img = Image.lookUpImageInfo(Image.DEFAULT_IMAGE_NAME, v, false);
      }
      if (img.name().equals(Image.DEFAULT_IMAGE_NAME)) {
        if (def != null) {
          throw new FlyteValidationException("Only one default image can be specified. Received multiple "
              + def.full() + " & " + img.full() + " for --image; name the others as name=reference");
        }
        def = img;
      } else {
        others.add(img);
      }
    }
    if (def == null) {
      String fromEnv = env.get(INTERNAL_IMAGE_ENV_VAR);
      if (fromEnv != null && !fromEnv.isEmpty()) {
        def = Image.lookUpImageInfo(Image.DEFAULT_IMAGE_NAME, fromEnv, false);
      }
    }
    return createFrom(def, others);
  }

  /** JSON as flytekit writes it: {@code {"default_image": {name, fqn, tag, digest}|null, "images": [...]}}. */
  public String toJson() {
    return SettingsJson.write(SettingsJson.imageConfig(this));
  }

  /** Reads {@link #toJson()}'s format; unknown keys are ignored. */
  public static ImageConfig fromJson(String json) {
    return SettingsJson.imageConfig(SettingsJson.read(json, "ImageConfig"));
  }
}
