package dev.shimkit.config.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shimkit.config.FastSerializationSettings;
import dev.shimkit.config.Image;
import dev.shimkit.config.ImageConfig;
import dev.shimkit.config.SerializationSettings;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.task.Quantity;
import dev.shimkit.task.ResourceSpec;
import dev.shimkit.task.ResourceValue;
import dev.shimkit.task.Resources;
import dev.shimkit.task.internal.Quantities;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON of the settings types with flytekit's dataclasses-json names and order (snake_case, absent values as
 * {@code null}). Resource amounts keep their kind: text as a JSON string, numbers as JSON numbers, pairs as
 * two-element arrays, like Python's tuples. Reading ignores keys it does not know.
 */
public final class SettingsJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private SettingsJson() {
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON of a tree", e);
    }
  }

  public static JsonNode read(String json, String what) {
    try {
      JsonNode n = MAPPER.readTree(json);
      if (n == null || !n.isObject()) {
        throw new FlyteValidationException(what + " JSON must be an object; got: " + abbreviate(json));
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new FlyteValidationException(what + " JSON is malformed: " + e.getOriginalMessage(), e);
    }
  }

  // ---- SerializationSettings

  public static ObjectNode settings(SerializationSettings s) {
    ObjectNode o = F.objectNode();
    o.set("image_config", imageConfig(s.imageConfig()));
    o.put("project", s.project());
    o.put("domain", s.domain());
    o.put("version", s.version());
    if (s.env().isEmpty()) {
      o.putNull("env");
    } else {
      ObjectNode env = o.putObject("env");
      s.env().forEach(env::put);
    }
    o.set("default_resources", s.defaultResources().<JsonNode>map(SettingsJson::resourceSpec).orElse(F.nullNode()));
    o.put("git_repo", s.gitRepo().orElse(null));
    o.put("java_executable", s.javaExecutable());
    o.put("java_home", s.javaHome());
    o.set("fast_serialization_settings",
        s.fastSerializationSettings().<JsonNode>map(SettingsJson::fast).orElse(F.nullNode()));
    o.put("source_root", s.sourceRoot().orElse(null));
    return o;
  }

  public static SerializationSettings settings(JsonNode n) {
    JsonNode ic = n.get("image_config");
    if (ic == null || !ic.isObject()) {
      throw new FlyteValidationException("SerializationSettings JSON needs an 'image_config' object");
    }
    SerializationSettings.Builder b = SerializationSettings.newBuilder().imageConfig(imageConfig(ic))
        .project(text(n, "project")).domain(text(n, "domain")).version(text(n, "version"))
        .gitRepo(text(n, "git_repo")).javaExecutable(text(n, "java_executable")).javaHome(text(n, "java_home"))
        .sourceRoot(text(n, "source_root"));
    JsonNode env = n.get("env");
    if (env != null && env.isObject()) {
      Map<String, String> m = new LinkedHashMap<>();
      env.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
      b.env(m);
    }
    JsonNode dr = n.get("default_resources");
    if (dr != null && dr.isObject()) {
      b.defaultResources(resourceSpec(dr));
    }
    JsonNode fss = n.get("fast_serialization_settings");
    if (fss != null && fss.isObject()) {
      b.fastSerializationSettings(new FastSerializationSettings(fss.path("enabled").asBoolean(false),
          text(fss, "destination_dir"), text(fss, "distribution_location")));
    }
    return b.build();
  }

  private static ObjectNode fast(FastSerializationSettings f) {
    ObjectNode o = F.objectNode();
    o.put("enabled", f.enabled());
    o.put("destination_dir", f.destinationDir());
    o.put("distribution_location", f.distributionLocation());
    return o;
  }

  // ---- ImageConfig / Image

  public static ObjectNode imageConfig(ImageConfig c) {
    ObjectNode o = F.objectNode();
    o.set("default_image", c.defaultImage() == null ? F.nullNode() : image(c.defaultImage()));
    ArrayNode images = o.putArray("images");
    c.images().forEach(i -> images.add(image(i)));
    return o;
  }

  public static ImageConfig imageConfig(JsonNode n) {
    JsonNode def = n.get("default_image");
    List<Image> images = new ArrayList<>();
    JsonNode arr = n.get("images");
    if (arr != null && arr.isArray()) {
      arr.forEach(i -> images.add(image(i)));
    }
    return new ImageConfig(def == null || def.isNull() ? null : image(def), images);
  }

  private static ObjectNode image(Image i) {
    ObjectNode o = F.objectNode();
    o.put("name", i.name());
    o.put("fqn", i.fqn());
    o.put("tag", i.tag());
    o.put("digest", i.digest());
    return o;
  }

  private static Image image(JsonNode n) {
    if (!n.isObject()) {
      throw new FlyteValidationException("Image JSON must be an object {name, fqn, tag, digest}; got " + n);
    }
    return new Image(text(n, "name"), text(n, "fqn"), text(n, "tag"), text(n, "digest"));
  }

  // ---- ResourceSpec / Resources

  public static ObjectNode resourceSpec(ResourceSpec spec) {
    ObjectNode o = F.objectNode();
    o.set("requests", resources(spec.requests()));
    o.set("limits", resources(spec.limits()));
    return o;
  }

  public static ResourceSpec resourceSpec(JsonNode n) {
    return new ResourceSpec(resources(n.get("requests")), resources(n.get("limits")));
  }

  public static ObjectNode resources(Resources r) {
    ObjectNode o = F.objectNode();
    for (Resources.Name name : Resources.Name.values()) {
      o.set(name.fieldName(), r.get(name).map(SettingsJson::value).orElse(F.nullNode()));
    }
    return o;
  }

  public static Resources resources(JsonNode n) {
    Resources.Builder b = Resources.builder();
    if (n == null || n.isNull()) {
      return b.build();
    }
    for (Resources.Name name : Resources.Name.values()) {
      JsonNode v = n.get(name.fieldName());
      if (v == null || v.isNull()) {
        continue;
      }
      if (v.isArray()) {
        if (v.size() != 2) {
          throw new FlyteValidationException("Resources." + name.fieldName() + ": " + v
              + " must be of length 2 (request, limit)");
        }
        b.set(name, new ResourceValue.Pair(quantity(name, v.get(0)), quantity(name, v.get(1))));
      } else {
        b.set(name, quantity(name, v));
      }
    }
    return b.build();
  }

  private static JsonNode value(ResourceValue v) {
    if (v instanceof ResourceValue.Pair p) {
      return F.arrayNode().add(quantity(p.request())).add(quantity(p.limit()));
    }
    return quantity(((ResourceValue.Single) v).quantity());
  }

  private static JsonNode quantity(Quantity q) {
    if (!q.numeric()) {
      return F.textNode(q.value());
    }
    try {
      return F.numberNode(Long.parseLong(q.value()));
    } catch (NumberFormatException e) {
      return F.numberNode(Double.parseDouble(q.value()));
    }
  }

  private static Quantity quantity(Resources.Name name, JsonNode v) {
    if (v.isTextual()) {
      return Quantity.of(v.asText());
    }
    if (v.isIntegralNumber()) {
      return new Quantity(v.bigIntegerValue().toString(), true);
    }
    if (v.isFloatingPointNumber()) {
      return new Quantity(Quantities.pythonFloat(v.doubleValue()), true);
    }
    throw new FlyteValidationException("Resources." + name.fieldName() + ": " + v
        + " should be a string or a number (or a list of two)");
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
