package dev.shimkit.image.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.image.ImageSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an {@link ImageSpec} from YAML with flytekit's snake_case field names (see {@link ImageSpec#fromYaml}).
 * Unknown keys are errors listing the known ones; {@code python_version} points to {@code java_version}.
 */
public final class ImageSpecYaml {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final Set<String> KEYS = Set.of("name", "base_image", "java_version", "packages", "apt_packages", "env",
      "registry", "platform", "entrypoint", "commands", "copy", "source_root", "tag_format", "builder", "jars",
      "classes_dirs", "jvm_flags", "main_class");

  private ImageSpecYaml() {
  }

  public static ImageSpec read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new FlyteValidationException("ImageSpec YAML " + file + " does not exist or is not a file");
    }
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new FlyteValidationException("ImageSpec YAML " + file + " is not valid YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new FlyteValidationException("Cannot read ImageSpec YAML " + file + ": " + e.getMessage(), e);
    }
    Path dir = file.toAbsolutePath().normalize().getParent();
    return spec(root, dir, file.toString());
  }

  private static ImageSpec spec(JsonNode node, Path dir, String where) {
    if (node == null || !node.isObject()) {
      throw new FlyteValidationException(where + ": an ImageSpec must be a YAML mapping of fields, e.g.\n"
          + "name: my-task\nregistry: localhost:30000\npackages: [com.acme:lib:1.0]");
    }
    ImageSpec.Builder b = ImageSpec.builder().sourceRoot(dir);
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode v = e.getValue();
      if (v == null || v.isNull()) {
        continue;
      }
      String at = where + ": " + key;
      switch (key) {
        case "name" -> b.name(text(v, at));
        case "base_image" -> {
          if (v.isObject()) {
            b.baseImage(spec(v, dir, at));
          } else {
            b.baseImage(text(v, at));
          }
        }
        case "java_version" -> b.javaVersion(javaVersion(v, at));
        case "packages" -> b.packages(strings(v, at));
        case "apt_packages" -> b.aptPackages(strings(v, at));
        case "env" -> b.env(map(v, at));
        case "registry" -> b.registry(text(v, at));
        case "platform" -> b.platform(text(v, at));
        case "entrypoint" -> b.entrypoint(strings(v, at));
        case "commands" -> b.commands(strings(v, at));
        case "copy" -> b.copy(paths(v, at));
        case "source_root" -> b.sourceRoot(dir.resolve(text(v, at)).normalize());
        case "tag_format" -> b.tagFormat(text(v, at));
        case "builder" -> b.builder(text(v, at));
        case "jars" -> b.jars(paths(v, at));
        case "classes_dirs" -> b.classesDirs(paths(v, at));
        case "jvm_flags" -> b.jvmFlags(strings(v, at));
        case "main_class" -> b.mainClass(text(v, at));
        case "python_version" -> throw new FlyteValidationException(at + " is flytekit's field; a JVM image"
            + " takes java_version (e.g. java_version: 17)");
        default -> throw new FlyteValidationException(at + " is not an ImageSpec field; known fields: "
            + KEYS.stream().sorted().toList());
      }
    }
    return b.build();
  }

  private static String text(JsonNode v, String at) {
    if (!v.isValueNode()) {
      throw new FlyteValidationException(at + " must be a single value, got " + v);
    }
    return v.asText();
  }

  private static int javaVersion(JsonNode v, String at) {
    String s = text(v, at);
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new FlyteValidationException(at + ": '" + s + "' is not a Java feature version; give e.g. 17 or 21");
    }
  }

  private static List<String> strings(JsonNode v, String at) {
    if (!v.isArray()) {
      throw new FlyteValidationException(at + " must be a list of strings, e.g. [a, b]; got " + v);
    }
    List<String> out = new ArrayList<>();
    v.forEach(x -> out.add(text(x, at)));
    return out;
  }

  private static List<Path> paths(JsonNode v, String at) {
    return strings(v, at).stream().map(Path::of).toList();
  }

  private static Map<String, String> map(JsonNode v, String at) {
    if (!v.isObject()) {
      throw new FlyteValidationException(at + " must map names to values, e.g. {LOG_LEVEL: debug}; got " + v);
    }
    Map<String, String> out = new LinkedHashMap<>();
    v.fields().forEachRemaining(e -> out.put(e.getKey(), text(e.getValue(), at + "." + e.getKey())));
    return out;
  }
}
