package dev.shimkit.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteTypeException;
import flyteidl.core.Types.BlobType;
import flyteidl.core.Types.BlobType.BlobDimensionality;
import flyteidl.core.Types.EnumType;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SchemaType;
import flyteidl.core.Types.SimpleType;
import flyteidl.core.Types.StructuredDatasetType;
import flyteidl.core.Types.UnionType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every LiteralType shape flytekit declares has a guessed Java type; unknown shapes fail clearly. */
class GuessTest {
  private final TypeEngine engine = TypeEngine.get();

  private static LiteralType simple(SimpleType s) {
    return LiteralType.newBuilder().setSimple(s).build();
  }

  @Test
  void simpleTypes() {
    assertThat(engine.guessJavaType(simple(SimpleType.INTEGER))).isEqualTo(Long.class);
    assertThat(engine.guessJavaType(simple(SimpleType.FLOAT))).isEqualTo(Double.class);
    assertThat(engine.guessJavaType(simple(SimpleType.STRING))).isEqualTo(String.class);
    assertThat(engine.guessJavaType(simple(SimpleType.BOOLEAN))).isEqualTo(Boolean.class);
    assertThat(engine.guessJavaType(simple(SimpleType.DATETIME))).isEqualTo(Instant.class);
    assertThat(engine.guessJavaType(simple(SimpleType.DURATION))).isEqualTo(Duration.class);
    assertThat(engine.guessJavaType(simple(SimpleType.NONE))).isEqualTo(Void.class);
    assertThat(engine.guessJavaType(simple(SimpleType.BINARY))).isEqualTo(byte[].class);
    assertThat(engine.guessJavaType(simple(SimpleType.ERROR))).isEqualTo(flyteidl.core.Types.Error.class);
    assertThat(engine.guessJavaType(simple(SimpleType.STRUCT))).isEqualTo(Types.mapOf(Object.class));
  }

  @Test
  void dataclassStructFromGoldenTemplateIsAMap() throws Exception {
    LiteralType rec = GoldenFixtures.template(GoldenFixtures.echo().resolve("template.pb")).getInterface()
        .getInputs().getVariablesOrThrow("rec").getType();
    assertThat(engine.guessJavaType(rec)).isEqualTo(Types.mapOf(Object.class));
  }

  @Test
  void containers() {
    LiteralType listOfMaps = LiteralType.newBuilder().setCollectionType(
        LiteralType.newBuilder().setMapValueType(simple(SimpleType.FLOAT))).build();
    assertThat(engine.guessJavaType(listOfMaps)).isEqualTo(Types.listOf(Types.mapOf(Double.class)));
    // equal to the JDK's own parameterized types, both ways
    assertThat(engine.guessJavaType(listOfMaps).hashCode()).isEqualTo(Types.listOf(Types.mapOf(Double.class))
        .hashCode());
  }

  @Test
  void enumsAndUnions() {
    LiteralType e = LiteralType.newBuilder().setEnumType(EnumType.newBuilder().addValues("red")).build();
    assertThat(engine.guessJavaType(e)).isEqualTo(String.class);
    LiteralType opt = engine.toLiteralType(Types.optionalOf(Long.class));
    assertThat(engine.guessJavaType(opt)).isEqualTo(Types.optionalOf(Long.class));
    LiteralType intOrStr = LiteralType.newBuilder().setUnionType(UnionType.newBuilder()
        .addVariants(simple(SimpleType.INTEGER)).addVariants(simple(SimpleType.STRING))).build();
    assertThat(engine.guessJavaType(intOrStr)).isEqualTo(Object.class);
  }

  @Test
  void blobsSchemasAndDatasets() {
    LiteralType single = LiteralType.newBuilder().setBlob(BlobType.newBuilder()).build();
    LiteralType multi = LiteralType.newBuilder().setBlob(BlobType.newBuilder()
        .setDimensionality(BlobDimensionality.MULTIPART)).build();
    assertThat(engine.guessJavaType(single)).isEqualTo(FlyteFile.class);
    assertThat(engine.guessJavaType(multi)).isEqualTo(FlyteDirectory.class);
    assertThat(engine.guessJavaType(LiteralType.newBuilder().setSchema(SchemaType.newBuilder()).build()))
        .isEqualTo(StructuredDataset.class);
    assertThat(engine.guessJavaType(LiteralType.newBuilder().setStructuredDatasetType(
        StructuredDatasetType.newBuilder().setFormat("parquet")).build())).isEqualTo(StructuredDataset.class);
  }

  @Test
  void guessedTypesConvertTheGoldenInputs() throws Exception {
    var template = GoldenFixtures.template(GoldenFixtures.echo().resolve("template.pb"));
    Map<String, java.lang.reflect.Type> guessed = engine.guessJavaTypes(
        template.getInterface().getInputs().getVariablesMap());
    var ctx = GoldenFixtures.context(java.nio.file.Files.createTempDirectory("guess"));
    Map<String, Object> values = engine.toJavaMap(ctx, "input",
        GoldenFixtures.literalMap(GoldenFixtures.echo().resolve("inputs.pb")), guessed);
    assertThat(values.get("color")).isEqualTo("green");
    assertThat(values.get("opt")).isEqualTo(java.util.Optional.empty());
    @SuppressWarnings("unchecked")
    Map<String, Object> rec = (Map<String, Object>) values.get("rec");
    assertThat(rec).containsOnlyKeys("name", "values", "matrix", "note", "origin").containsEntry("name", "rec1")
        .containsEntry("values", java.util.List.of(3L, 1L, 2L)).containsEntry("note", null)
        .containsEntry("origin", Map.of("x", 5L, "y", 6.5));
    assertThat(java.util.List.copyOf(rec.keySet())).containsExactly("name", "values", "matrix", "note", "origin");
    assertThat(values.get("ff")).isInstanceOf(FlyteFile.class);
    // and the guessed values write back to the very same literals, for the template's types
    Map<String, LiteralType> types = new java.util.LinkedHashMap<>();
    template.getInterface().getInputs().getVariablesMap().forEach((k, v) -> types.put(k, v.getType()));
    assertThat(engine.toLiteralMap(ctx, "input", values, guessed, types))
        .isEqualTo(GoldenFixtures.literalMap(GoldenFixtures.echo().resolve("inputs.pb")));
  }

  @Test
  void unknownShapeFailsNamingTheType() {
    assertThatThrownBy(() -> engine.guessJavaType(LiteralType.getDefaultInstance()))
        .isInstanceOf(FlyteTypeException.class).hasMessageContaining("No Java type for Flyte literal type");
    assertThatThrownBy(() -> engine.guessJavaType(LiteralType.newBuilder().setSimpleValue(99).build()))
        .isInstanceOf(FlyteTypeException.class).hasMessageContaining("No Java type for Flyte literal type");
  }
}
