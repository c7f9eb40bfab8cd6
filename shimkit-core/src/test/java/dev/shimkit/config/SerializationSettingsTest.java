package dev.shimkit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shimkit.config.internal.ContextCodec;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.task.ResourceSpec;
import dev.shimkit.task.Resources;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class SerializationSettingsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static SerializationSettings full() {
    return SerializationSettings.newBuilder()
        .imageConfig(ImageConfig.createFrom(Image.lookUpImageInfo("default", "ghcr.io/acme/app:v1", false),
            List.of(Image.lookUpImageInfo("sql", "localhost:5000/sql@sha256:ab", false))))
        .project("flytesnacks").domain("development").version("v1")
        .env(Map.of("A", "1")).putEnv("B", "2")
        .defaultResources(new ResourceSpec(Resources.builder().cpu(1.5).mem("1Gi").build(),
            Resources.builder().cpu("2", "4").gpu(1).ephemeralStorage("5Gi").build()))
        .gitRepo("github.com/acme/repo").javaExecutable("/usr/lib/jvm/java-17/bin/java")
        .fastSerializationSettings(new FastSerializationSettings(true, "/root", "s3://b/fast.tar.gz"))
        .sourceRoot(Path.of("/src"))
        .build();
  }

  @Test
  void forImageRequiresTagOrDigestAndDerivesJavaHome() {
    SerializationSettings s = SerializationSettings.forImage("ghcr.io/acme/app:v1", "v1", "p", "d");
    assertThat(s.imageConfig().defaultImage()).isEqualTo(new Image("default", "ghcr.io/acme/app", "v1", null));
    assertThat(s.project()).isEqualTo("p");
    assertThat(s.domain()).isEqualTo("d");
    assertThat(s.version()).isEqualTo("v1");
    assertThat(s.env()).isEmpty();
    assertThat(s.javaExecutable()).isEqualTo("/opt/java/openjdk/bin/java");
    assertThat(s.javaHome()).isEqualTo("/opt/java/openjdk");
    assertThat(s.shouldFastSerialize()).isFalse();
    assertThatThrownBy(() -> SerializationSettings.forImage("ghcr.io/acme/app", "v1", "p", "d"))
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("missing tag or digest");
  }

  @Test
  void javaHomeFromExecutableIsDirnameTwice() {
    assertThat(SerializationSettings.javaHomeFromExecutable("/opt/venv/bin/python3")).isEqualTo("/opt/venv");
    assertThat(SerializationSettings.javaHomeFromExecutable("/usr/lib/jvm/x//bin/java")).isEqualTo("/usr/lib/jvm/x");
    assertThat(SerializationSettings.javaHomeFromExecutable("/bin/java")).isEqualTo("/");
    assertThat(SerializationSettings.javaHomeFromExecutable("java")).isEmpty();
    assertThat(full().javaHome()).isEqualTo("/usr/lib/jvm/java-17");
    assertThat(full().toBuilder().javaHome("/jdk").build().javaHome()).isEqualTo("/jdk");
  }

  @Test
  void imageConfigIsRequired() {
    assertThatThrownBy(() -> SerializationSettings.newBuilder().project("p").build())
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("imageConfig is required");
  }

  @Test
  void toBuilderCopiesEnvAndKeepsEverything() {
    SerializationSettings s = full();
    SerializationSettings copy = s.toBuilder().build();
    assertThat(copy).isEqualTo(s).hasSameHashCodeAs(s);

    SerializationSettings changed = s.toBuilder().putEnv("C", "3").build();
    assertThat(s.env()).containsOnlyKeys("A", "B");
    assertThat(changed.env()).containsOnlyKeys("A", "B", "C");
    assertThat(changed).isNotEqualTo(s);
    assertThatThrownBy(() -> s.env().put("X", "y")).isInstanceOf(UnsupportedOperationException.class);

    Map<String, String> mine = new HashMap<>(Map.of("K", "v"));
    SerializationSettings fromMap = s.toBuilder().env(mine).build();
    mine.put("L", "w");
    assertThat(fromMap.env()).containsOnlyKeys("K");

    SerializationSettings otherJava = s.toBuilder().javaExecutable("/jdk21/bin/java").build();
    assertThat(otherJava.javaHome()).isEqualTo("/jdk21");
  }

  @Test
  void accessorsAndFastSerialization() {
    SerializationSettings s = full();
    assertThat(s.shouldFastSerialize()).isTrue();
    assertThat(s.fastSerializationSettings()).contains(new FastSerializationSettings(true, "/root", "s3://b/fast.tar.gz"));
    assertThat(s.gitRepo()).contains("github.com/acme/repo");
    assertThat(s.sourceRoot()).contains("/src");
    assertThat(s.defaultResources().orElseThrow().limits().gpu()).isPresent();
    assertThat(s.toBuilder().fastSerializationSettings(FastSerializationSettings.enabled("/root")).build()
        .shouldFastSerialize()).isTrue();
    assertThat(s.toBuilder().fastSerializationSettings(new FastSerializationSettings(false, null, null)).build()
        .shouldFastSerialize()).isFalse();
    assertThat(s.toString()).contains("env keys=[A, B]").doesNotContain("=1");
  }

  @Test
  void placeholderMatchesFlytekitsCustomizedContainerTaskSettings() {
    SerializationSettings p = SerializationSettings.placeholder();
    assertThat(p.project()).isEqualTo("PLACEHOLDER_PROJECT");
    assertThat(p.domain()).isEqualTo("LOCAL");
    assertThat(p.version()).isEqualTo("PLACEHOLDER_VERSION");
    assertThat(p.env()).isEmpty();
    assertThat(p.imageConfig().defaultImage())
        .isEqualTo(new Image("custom_container_task", "flyteorg.io/placeholder", "image", null));
    assertThat(p.imageConfig().defaultImage().full()).isEqualTo("flyteorg.io/placeholder:image");
  }

  @Test
  void jsonHasFlytekitKeysInOrderWithNulls() throws Exception {
    SerializationSettings minimal = SerializationSettings.placeholder();
    JsonNode json = JSON.readTree(minimal.toJson());
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("image_config", "project", "domain", "version", "env", "default_resources",
        "git_repo", "java_executable", "java_home", "fast_serialization_settings", "source_root");
    assertThat(json.get("env").isNull()).isTrue();
    assertThat(json.get("default_resources").isNull()).isTrue();
    assertThat(json.get("git_repo").isNull()).isTrue();
    assertThat(json.get("image_config").get("default_image").get("digest").isNull()).isTrue();

    JsonNode f = JSON.readTree(full().toJson());
    assertThat(f.get("default_resources").toString()).isEqualTo(
        "{\"requests\":{\"cpu\":1.5,\"mem\":\"1Gi\",\"gpu\":null,\"ephemeral_storage\":null},"
            + "\"limits\":{\"cpu\":[\"2\",\"4\"],\"mem\":null,\"gpu\":1,\"ephemeral_storage\":\"5Gi\"}}");
    assertThat(f.get("fast_serialization_settings").toString()).isEqualTo(
        "{\"enabled\":true,\"destination_dir\":\"/root\",\"distribution_location\":\"s3://b/fast.tar.gz\"}");
    assertThat(f.get("env").toString()).isEqualTo("{\"A\":\"1\",\"B\":\"2\"}");
  }

  @Test
  void jsonRoundTripsAndReadsFlytekitJson() {
    assertThat(SerializationSettings.fromJson(full().toJson())).isEqualTo(full());
    assertThat(SerializationSettings.fromJson(SerializationSettings.placeholder().toJson()))
        .isEqualTo(SerializationSettings.placeholder());

    // what flytekit's dataclasses-json writes (python-only keys are ignored, numbers kept as numbers)
    String flytekit = "{\"image_config\": {\"default_image\": {\"name\": \"default\", \"fqn\": \"cr.flyte.org/x\","
        + " \"tag\": \"v1\", \"digest\": null}, \"images\": [{\"name\": \"default\", \"fqn\": \"cr.flyte.org/x\","
        + " \"tag\": \"v1\", \"digest\": null}]}, \"project\": \"p\", \"domain\": \"d\", \"version\": \"v\","
        + " \"env\": {\"K\": \"V\"}, \"default_resources\": {\"requests\": {\"cpu\": 2, \"mem\": [\"1Gi\", \"2Gi\"],"
        + " \"gpu\": null, \"ephemeral_storage\": null}, \"limits\": {\"cpu\": 0.5, \"mem\": null, \"gpu\": null,"
        + " \"ephemeral_storage\": null}}, \"git_repo\": null, \"python_interpreter\": \"/opt/venv/bin/python3\","
        + " \"flytekit_virtualenv_root\": \"/opt/venv\", \"fast_serialization_settings\": null, \"source_root\": null}";
    SerializationSettings s = SerializationSettings.fromJson(flytekit);
    assertThat(s.project()).isEqualTo("p");
    assertThat(s.env()).containsExactly(Map.entry("K", "V"));
    assertThat(s.javaExecutable()).isEqualTo(SerializationSettings.DEFAULT_JAVA_EXECUTABLE);
    assertThat(s.defaultResources().orElseThrow()).isEqualTo(new ResourceSpec(
        Resources.builder().cpu(2).mem("1Gi", "2Gi").build(), Resources.builder().cpu(0.5).build()));
    assertThat(s.imageConfig().images()).hasSize(1);

    assertThatThrownBy(() -> SerializationSettings.fromJson("{\"project\":\"p\"}"))
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("image_config");
    assertThatThrownBy(() -> SerializationSettings.fromJson(flytekit.replace("[\"1Gi\", \"2Gi\"]", "[\"1Gi\"]")))
        .hasMessageContaining("must be of length 2");
    assertThatThrownBy(() -> SerializationSettings.fromJson(flytekit.replace("\"cpu\": 2", "\"cpu\": true")))
        .hasMessageContaining("should be a string or a number");
    assertThatThrownBy(() -> SerializationSettings.fromJson(flytekit.replace("\"cpu\": 2", "\"cpu\": \"2GB\"")))
        .hasMessageContaining("Resources.cpu: \"2GB\"");
  }

  @Test
  void serializedContextIsBase64GzipJsonWithPythonsHeader() throws Exception {
    String ctx = full().serializedContext();
    byte[] gz = Base64.getDecoder().decode(ctx);
    assertThat(ctx.length() % 4).isZero();
    assertThat(java.util.Arrays.copyOf(gz, 10))
        .containsExactly(0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0xff);
    String json;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(json).isEqualTo(full().toJson());
    JsonNode n = JSON.readTree(json);
    assertThat(n.get("image_config").get("default_image").get("fqn").asText()).isEqualTo("ghcr.io/acme/app");
    assertThat(n.get("project").asText()).isEqualTo("flytesnacks");
    assertThat(n.has("java_executable")).isTrue();
  }

  @Test
  void serializedContextIsDeterministicAndRoundTrips() {
    assertThat(full().serializedContext()).isEqualTo(full().serializedContext());
    assertThat(SerializationSettings.fromTransport(full().serializedContext())).isEqualTo(full());
    assertThat(SerializationSettings.placeholder().serializedContext())
        .isNotEqualTo(full().serializedContext());
  }

  @Test
  void gzipIsByteIdenticalToPythonsGzipFileWithMtimeZero() {
    // Produced by CPython 3.11: base64.b64encode(buf) after
    // gzip.GzipFile(mode="wb", fileobj=buf, mtime=0).write(text.encode()) -- what flytekit does for _F_SS_C.
    String text = "{\"image_config\": {\"default_image\": {\"name\": \"default\", \"fqn\": \"ghcr.io/acme/img\","
        + " \"tag\": \"v1\", \"digest\": null}}, \"project\": \"p\"}";
    String python = "H4sIAAAAAAAC/zWMSwqAMAwFryJZi+LWy0ho0xjpT61upHe3Edy9mYH3gARkWkyKThjm7gFLDi9fli98JmLQ8RfoO3B7VMOrOQZJ"
        + "I5pAowTWVFB/4J4UrDCdpXG8vK+1mXykjYwqyFBfeWkqvIAAAAA=";
    assertThat(ContextCodec.encode(text)).isEqualTo(python);
    assertThat(ContextCodec.decode(python)).isEqualTo(text);
  }

  @Test
  void withSerializedContextPutsItIntoEnvAndIsReusedFromThere() {
    SerializationSettings s = full();
    SerializationSettings with = s.withSerializedContext();
    assertThat(with.env()).containsEntry(SerializationSettings.SERIALIZED_CONTEXT_ENV_VAR, s.serializedContext());
    assertThat(with.serializedContext()).isEqualTo(s.serializedContext());
    assertThat(s.env()).doesNotContainKey("_F_SS_C");
    assertThat(SerializationSettings.fromTransport(with.serializedContext())).isEqualTo(s);
    assertThat(SerializationSettings.SERIALIZED_CONTEXT_ENV_VAR).isEqualTo("_F_SS_C");
  }

  @Test
  void fromTransportRejectsGarbageClearly() {
    assertThatThrownBy(() -> SerializationSettings.fromTransport("not base64!"))
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("not valid base64");
    assertThatThrownBy(() -> SerializationSettings.fromTransport(Base64.getEncoder().encodeToString("{}".getBytes())))
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("not gzip");
    assertThatThrownBy(() -> SerializationSettings.fromTransport(""))
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> SerializationSettings.fromTransport(ContextCodec.encode("[]")))
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("must be an object");
  }
}
