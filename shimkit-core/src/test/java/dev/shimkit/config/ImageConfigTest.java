package dev.shimkit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shimkit.errors.FlyteValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageConfigTest {
  private static final Image DEF = new Image("default", "ghcr.io/acme/app", "v1", null);
  private static final Image SQL = new Image("sql", "ghcr.io/acme/sql", "v2", null);

  @Test
  void createFromPutsDefaultIntoImagesToo() {
    ImageConfig c = ImageConfig.createFrom(DEF, List.of(SQL));
    assertThat(c.defaultImage()).isEqualTo(DEF);
    assertThat(c.images()).containsExactly(DEF, SQL);
    assertThat(ImageConfig.createFrom(null, null).images()).isEmpty();
    assertThat(ImageConfig.createFrom(null, List.of(SQL)).defaultImage()).isNull();
  }

  @Test
  void findImageSearchesDefaultFirstThenImagesInOrder() {
    Image sqlOther = new Image("sql", "other", "v9", null);
    ImageConfig c = new ImageConfig(DEF, List.of(SQL, sqlOther));
    assertThat(c.findImage("default")).contains(DEF);
    assertThat(c.findImage("sql")).contains(SQL);
    assertThat(c.findImage("nope")).isEmpty();
    assertThat(new ImageConfig(null, null).findImage("default")).isEmpty();
    assertThat(ImageConfig.ofDefault(DEF).images()).isEmpty();
  }

  @Test
  void fromImagesRequiresDefaultTagButNotOthers() {
    Map<String, String> others = new LinkedHashMap<>();
    others.put("sql", "ghcr.io/acme/sql");
    others.put("spark", "localhost:5000/spark@sha256:aa");
    ImageConfig c = ImageConfig.fromImages("ghcr.io/acme/app:v1", others);
    assertThat(c.images()).containsExactly(DEF, new Image("sql", "ghcr.io/acme/sql", null, null),
        new Image("spark", "localhost:5000/spark", null, "sha256:aa"));
    assertThatThrownBy(() -> ImageConfig.fromImages("ghcr.io/acme/app", null))
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("missing tag or digest");
    assertThat(ImageConfig.fromImages(null, Map.of()).defaultImage()).isNull();
  }

  @Test
  void validateImageParsesCliValues() {
    ImageConfig c = ImageConfig.validateImage(List.of("ghcr.io/acme/app:v1", "sql=ghcr.io/acme/sql:v2"), Map.of());
    assertThat(c.defaultImage()).isEqualTo(DEF);
    assertThat(c.images()).containsExactly(DEF, SQL);
    ImageConfig named = ImageConfig.validateImage(List.of("default=ghcr.io/acme/app:v1", "x=a=b:c"), Map.of());
    assertThat(named.defaultImage()).isEqualTo(DEF);
    assertThat(named.findImage("x").orElseThrow().fqn()).isEqualTo("a=b");
  }

  @Test
  void validateImageRejectsSecondDefaultMissingTagAndEmptyName() {
    assertThatThrownBy(() -> ImageConfig.validateImage(List.of("a/b:1", "default=c/d:2"), Map.of()))
        .isInstanceOf(FlyteValidationException.class)
        .hasMessageStartingWith("Only one default image can be specified. Received multiple a/b:1 & c/d:2 for --image");
    assertThatThrownBy(() -> ImageConfig.validateImage(List.of("sql=ghcr.io/acme/sql"), Map.of()))
        .hasMessageContaining("missing tag or digest");
    assertThatThrownBy(() -> ImageConfig.validateImage(List.of("=a/b:1"), Map.of()))
        .hasMessageContaining("name before '=' is empty");
  }

  @Test
  void validateImageFallsBackToFlyteInternalImage() {
    ImageConfig c = ImageConfig.validateImage(List.of("sql=ghcr.io/acme/sql:v2"),
        Map.of("FLYTE_INTERNAL_IMAGE", "ghcr.io/acme/app:v1"));
    assertThat(c.defaultImage()).isEqualTo(DEF);
    assertThat(c.images()).containsExactly(DEF, SQL);
    assertThat(ImageConfig.validateImage(List.of(), Map.of()).defaultImage()).isNull();
    assertThat(ImageConfig.validateImage(List.of("x/y:1"), Map.of("FLYTE_INTERNAL_IMAGE", "a/b:2"))
        .defaultImage().full()).isEqualTo("x/y:1");
  }

  @Test
  void autoReadsYamlImagesMap(@TempDir Path dir) throws Exception {
    Path cfg = dir.resolve("config.yaml");
    Files.writeString(cfg, "admin:\n  endpoint: dns:///localhost:30080\nimages:\n  sql: ghcr.io/acme/sql:v2\n"
        + "  spark: localhost:5000/spark\n");
    ImageConfig c = ImageConfig.auto(cfg, "ghcr.io/acme/app:v1", Map.of());
    assertThat(c.images()).containsExactly(DEF, SQL, new Image("spark", "localhost:5000/spark", null, null));

    Path noImages = dir.resolve("plain.yml");
    Files.writeString(noImages, "admin:\n  insecure: true\n");
    assertThat(ImageConfig.auto(noImages, "ghcr.io/acme/app:v1", Map.of()).images()).containsExactly(DEF);
  }

  @Test
  void autoReadsLegacyIniImagesSection(@TempDir Path dir) throws Exception {
    Path cfg = dir.resolve("flytekit.config");
    Files.writeString(cfg, "[platform]\nurl=localhost:30081\n\n[images]\n# comment\nSQL = ghcr.io/acme/sql:v2\n"
        + "spark: localhost:5000/spark\n\n[other]\nx=y\n");
    ImageConfig c = ImageConfig.auto(cfg, null, Map.of("FLYTE_INTERNAL_IMAGE", "ghcr.io/acme/app:v1"));
    assertThat(c.defaultImage()).isEqualTo(DEF);
    assertThat(c.images()).containsExactly(DEF, SQL, new Image("spark", "localhost:5000/spark", null, null));
  }

  @Test
  void autoErrors(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> ImageConfig.auto(null, null, Map.of()))
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("FLYTE_INTERNAL_IMAGE");
    assertThatThrownBy(() -> ImageConfig.auto(dir.resolve("missing.yaml"), "a/b:1", Map.of()))
        .hasMessageContaining("does not exist");
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "images: [a, b]\n");
    assertThatThrownBy(() -> ImageConfig.auto(bad, "a/b:1", Map.of())).hasMessageContaining("'images' must map");
    Files.writeString(bad, "images:\n  a: {x: 1}\n");
    assertThatThrownBy(() -> ImageConfig.auto(bad, "a/b:1", Map.of())).hasMessageContaining("images.a");
    Files.writeString(bad, "images: [unclosed\n");
    assertThatThrownBy(() -> ImageConfig.auto(bad, "a/b:1", Map.of())).hasMessageContaining("not valid YAML");
    Files.writeString(bad, "- a\n- b\n");
    assertThatThrownBy(() -> ImageConfig.auto(bad, "a/b:1", Map.of())).hasMessageContaining("mapping");
    Path ini = dir.resolve("bad.config");
    Files.writeString(ini, "[images]\njustaword\n");
    assertThatThrownBy(() -> ImageConfig.auto(ini, "a/b:1", Map.of())).hasMessageContaining("name=reference");
    Path empty = dir.resolve("empty.yaml");
    Files.writeString(empty, "");
    assertThat(ImageConfig.auto(empty, null, Map.of()).defaultImage()).isNull();
  }

  @Test
  void autoWithProcessEnvironmentUsesExplicitImage() {
    assertThat(ImageConfig.auto(null, "ghcr.io/acme/app:v1").defaultImage()).isEqualTo(DEF);
    assertThat(ImageConfig.validateImage(List.of("ghcr.io/acme/app:v1")).defaultImage()).isEqualTo(DEF);
  }

  @Test
  void jsonUsesFlytekitNamesAndRoundTrips() throws Exception {
    ImageConfig c = ImageConfig.createFrom(DEF, List.of(new Image("d", "repo", null, "sha256:1")));
    JsonNode json = new ObjectMapper().readTree(c.toJson());
    assertThat(json.get("default_image").toString())
        .isEqualTo("{\"name\":\"default\",\"fqn\":\"ghcr.io/acme/app\",\"tag\":\"v1\",\"digest\":null}");
    assertThat(json.get("images")).hasSize(2);
    assertThat(ImageConfig.fromJson(c.toJson())).isEqualTo(c);
    assertThat(ImageConfig.fromJson("{\"default_image\":null,\"images\":null,\"extra\":1}"))
        .isEqualTo(new ImageConfig(null, List.of()));
    assertThatThrownBy(() -> ImageConfig.fromJson("[1]")).isInstanceOf(FlyteValidationException.class);
    assertThatThrownBy(() -> ImageConfig.fromJson("{\"images\":[1]}")).hasMessageContaining("Image JSON");
    assertThatThrownBy(() -> ImageConfig.fromJson("{oops")).hasMessageContaining("malformed");
  }
}
