package dev.shimkit.config;

import dev.shimkit.errors.FlyteValidationException;

/**
 * A container image known by a short name ({@code default}, {@code sql}, ...): its fully qualified name plus a
 * tag or a digest (never both). Counterpart of flytekit's {@code Image}.
 *
 * @param name the short name tasks use to refer to it, never null
 * @param fqn the repository including registry, e.g. {@code localhost:5000/img} or {@code ghcr.io/acme/app}
 * @param tag the tag, or null
 * @param digest the digest, e.g. {@code sha256:...}, or null
 */
public record Image(String name, String fqn, String tag, String digest) {

  /** The name of the default image. */
  public static final String DEFAULT_IMAGE_NAME = "default";

  public Image {
    if (name == null || name.isEmpty()) {
      throw new FlyteValidationException("Image.name: an image needs a name (e.g. \"default\"); got " + quote(name)
          + " for image " + quote(fqn));
    }
    if (fqn == null || fqn.isEmpty()) {
      throw new FlyteValidationException("Image.fqn: image '" + name + "' needs a repository name (e.g."
          + " \"ghcr.io/acme/app\"); got " + quote(fqn));
    }
    if (tag != null && digest != null) {
      throw new FlyteValidationException("Image '" + name + "': cannot specify both tag and digest. Got tag=" + tag
          + " and digest=" + digest + "; keep one of them");
    }
  }

  /**
   * {@code fqn@digest} when a digest is set, else {@code fqn:tag}; just {@code fqn} when neither is set
   * (flytekit writes {@code fqn:None} there, which no registry resolves).
   */
  public String full() {
    if (digest != null) {
      return fqn + "@" + digest;
    }
    return tag != null ? fqn + ":" + tag : fqn;
  }

  /** The digest if set, else the tag (null when neither). */
  public String version() {
    return digest != null ? digest : tag;
  }

  /**
   * Parses an image reference the way flytekit's {@code look_up_image_info} does:
   * <ol>
   *   <li>split at the last {@code @}: two parts give {@code fqn@digest};</li>
   *   <li>else split at the last {@code :}: two parts whose last part has no {@code /} give {@code fqn:tag}
   *       (so {@code localhost:5000/img} has no tag and {@code localhost:5000/img:v1} has tag {@code v1});</li>
   *   <li>else the whole identifier is the fqn.</li>
   * </ol>
   * Without a tag or digest and {@code allowNoTagOrDigest} false, the identifier is rejected.
   *
   * <p>flytekit also accepts the path of an existing ImageSpec YAML file here and builds it; shimkit does not
   * (yet): ImageSpec lives in the {@code image} package and will plug in there.
   */
  public static Image lookUpImageInfo(String name, String identifier, boolean allowNoTagOrDigest) {
    if (identifier == null || identifier.isBlank()) {
      throw new FlyteValidationException("Image '" + name + "': no image reference given; give one like"
          + " \"ghcr.io/acme/app:v1\" or \"ghcr.io/acme/app@sha256:...\"");
    }
    String fqn = identifier;
    String tag = null;
    String digest = null;
    int at = identifier.lastIndexOf('@');
    if (at >= 0) {
      fqn = identifier.substring(0, at);
      digest = identifier.substring(at + 1);
    } else {
      int colon = identifier.lastIndexOf(':');
      if (colon >= 0 && identifier.indexOf('/', colon + 1) < 0) {
        fqn = identifier.substring(0, colon);
        tag = identifier.substring(colon + 1);
      }
    }
    if ("".equals(tag) || "".equals(digest) || fqn.isEmpty()) {
      throw new FlyteValidationException("Incorrectly formatted image " + identifier + ": empty "
          + (fqn.isEmpty() ? "repository" : tag != null ? "tag" : "digest")
          + "; give it as <repository>:<tag> or <repository>@sha256:<digest>");
    }
    if (!allowNoTagOrDigest && tag == null && digest == null) {
      throw new FlyteValidationException("Incorrectly formatted image " + identifier + ", missing tag or digest;"
          + " give it as " + identifier + ":<tag> or " + identifier + "@sha256:<digest>");
    }
    return new Image(name, fqn, tag, digest);
  }

  private static String quote(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }
}
