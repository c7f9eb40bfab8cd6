package dev.shimkit.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Task outputs as pretty JSON: values Jackson can write as JSON, the rest (files, datasets) as their text. */
final class OutputPrinter {
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).enable(SerializationFeature.INDENT_OUTPUT);

  private OutputPrinter() {
  }

  static String toJson(Map<String, Object> outputs) {
    ObjectNode root = JSON.createObjectNode();
    outputs.forEach((k, v) -> root.set(k, node(v)));
    try {
      return JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return outputs.toString();
    }
  }

  private static JsonNode node(Object v) {
    if (v instanceof Optional<?> o) {
      return o.<JsonNode>map(OutputPrinter::node).orElse(NullNode.getInstance());
    }
    if (v instanceof Instant || v instanceof Duration || v instanceof Enum<?>) {
      return TextNode.valueOf(v.toString());
    }
    String pkg = v == null ? "" : v.getClass().getPackageName();
    if (pkg.startsWith("dev.shimkit.types")) {
      return TextNode.valueOf(v.toString());
    }
    try {
      return JSON.valueToTree(v);
    } catch (IllegalArgumentException e) {
      return TextNode.valueOf(String.valueOf(v));
    }
  }
}
