package dev.shimkit.config;

import java.util.Map;

/** How tasks are serialized: target project/domain/version, images, env. SKELETON: completed by the foundation work. */
public record SerializationSettings(ImageConfig imageConfig, String project, String domain, String version,
    Map<String, String> env) {

  public SerializationSettings {
    env = env == null ? Map.of() : Map.copyOf(env);
  }
}
