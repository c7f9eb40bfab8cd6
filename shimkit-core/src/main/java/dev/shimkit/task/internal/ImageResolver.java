package dev.shimkit.task.internal;

import dev.shimkit.config.Image;
import dev.shimkit.config.ImageConfig;
import dev.shimkit.errors.FlyteValidationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a task's image reference against an {@link ImageConfig}, as flytekit's
 * {@code get_registerable_container_image}: {@code {{.image.<name>.fqn}}}, {@code {{.image.<name>.version}}}
 * and {@code {{.image.<name>}}} placeholders (case-insensitive) are replaced; no image means the default one.
 */
public final class ImageResolver {
  private static final Pattern IMAGE_PLACEHOLDER = Pattern.compile(
      "(\\{\\{\\s*\\.images?(?:\\.([a-zA-Z0-9_-]+))(?:\\.([a-zA-Z0-9_-]+))?\\s*}})", Pattern.CASE_INSENSITIVE);

  private ImageResolver() {
  }

  /** The image string to register for a task whose image is {@code image} (null for the default). */
  public static String resolve(String image, ImageConfig config) {
    if (image == null || image.isEmpty()) {
      if (config == null || config.defaultImage() == null) {
        throw new FlyteValidationException("An image is required for this task: give the task an image or set "
            + "a default image in the serialization settings (e.g. --image name=uri)");
      }
      return config.defaultImage().full();
    }
    Matcher m = IMAGE_PLACEHOLDER.matcher(image);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      String name = m.group(2);
      String attr = m.group(3);
      Image found = config == null ? null : config.findImage(name).orElse(null);
      if (found == null) {
        throw new FlyteValidationException("Image Config with name " + name + " not found in the configuration "
            + "(image reference '" + image + "'); add it with --image " + name + "=<uri>");
      }
      String replacement;
      int start = m.start();
      if (attr == null) {
        replacement = found.full();
      } else if (attr.equalsIgnoreCase("fqn")) {
        replacement = found.fqn();
      } else if (attr.equalsIgnoreCase("version")) {
        String version = found.version();
        if (version == null && config.defaultImage() != null) {
          version = config.defaultImage().version();
        }
        if (version != null && version.contains(":") && start > 0 && image.charAt(start - 1) == ':') {
          out.append(image, last, start - 1);
          out.append('@').append(version);
          last = m.end();
          continue;
        }
        replacement = version;
      } else {
        throw new FlyteValidationException("Unsupported attribute '" + attr + "' in image reference '" + image
            + "': use {{.image." + name + ".fqn}}, {{.image." + name + ".version}} or {{.image." + name + "}}");
      }
      out.append(image, last, start).append(replacement);
      last = m.end();
    }
    out.append(image.substring(last));
    return out.toString();
  }
}
