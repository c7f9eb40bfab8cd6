package dev.shimkit.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.shimkit.errors.FlyteValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the named images of a Flyte config file: the top-level {@code images:} map of a YAML file
 * ({@code .yaml}/{@code .yml}), or the {@code [images]} section of a legacy ini file (as flytekit's
 * {@code Images.get_specified_images}). Returns name to image reference, in file order.
 */
public final class ImageConfigFiles {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ImageConfigFiles() {
  }

  public static Map<String, String> readImages(Path configFile) {
    if (!Files.isRegularFile(configFile)) {
      throw new FlyteValidationException("Config file " + configFile + " does not exist or is not a file;"
          + " give the path of a Flyte config (e.g. ~/.flyte/config.yaml)");
    }
    String name = configFile.getFileName().toString().toLowerCase(Locale.ROOT);
    try {
      return name.endsWith(".yaml") || name.endsWith(".yml") ? readYaml(configFile) : readIni(configFile);
    } catch (IOException e) {
      throw new FlyteValidationException("Cannot read config file " + configFile + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, String> readYaml(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new FlyteValidationException("Config file " + file + " is not valid YAML: " + e.getOriginalMessage()
          + "; fix the syntax", e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return out;
    }
    if (!root.isObject()) {
      throw new FlyteValidationException("Config file " + file + " must hold a YAML mapping at the top level");
    }
    JsonNode images = root.get("images");
    if (images == null || images.isNull()) {
      return out;
    }
    if (!images.isObject()) {
      throw new FlyteValidationException("Config file " + file + ": 'images' must map names to image references,"
          + " e.g.\nimages:\n  sql: ghcr.io/acme/sql:v1");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = images.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw new FlyteValidationException("Config file " + file + ": images." + e.getKey()
            + " must be an image reference string, e.g. ghcr.io/acme/sql:v1");
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  private static Map<String, String> readIni(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    boolean inImages = false;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        inImages = line.substring(1, line.length() - 1).strip().equals("images");
        continue;
      }
      if (!inImages) {
        continue;
      }
      int eq = line.indexOf('=');
      int colon = line.indexOf(':');
      int sep = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
      if (sep <= 0) {
        throw new FlyteValidationException("Config file " + file + ": line '" + line + "' in [images] is not"
            + " name=reference; write e.g. sql=ghcr.io/acme/sql:v1");
      }
      out.put(line.substring(0, sep).strip().toLowerCase(Locale.ROOT), line.substring(sep + 1).strip());
    }
    return out;
  }
}
