package dev.shimkit.config;

/**
 * A container image known by a short name ({@code default}, {@code sql}, ...): the fully qualified name plus
 * a tag or a digest. SKELETON: completed by the foundation work (parsing rules of flytekit's
 * {@code look_up_image_info}).
 */
public record Image(String name, String fqn, String tag, String digest) {

  /** {@code fqn@digest} when a digest is set, else {@code fqn:tag}. */
  public String full() {
    return digest != null ? fqn + "@" + digest : fqn + ":" + tag;
  }

  /** The digest if set, else the tag. */
  public String version() {
    return digest != null ? digest : tag;
  }
}
