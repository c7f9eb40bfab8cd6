package dev.shimkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SchemaType;
import flyteidl.core.Types.SimpleType;
import flyteidl.core.Types.StructuredDatasetType;
import org.junit.jupiter.api.Test;

/** Dataset and schema bindings follow flytepropeller's cast rules. */
class TypeCompatTest {
  private static LiteralType schema() {
    return LiteralType.newBuilder().setSchema(SchemaType.newBuilder().addColumns(
        SchemaType.SchemaColumn.newBuilder().setName("id"))).build();
  }

  private static LiteralType dataset(String format) {
    return LiteralType.newBuilder().setStructuredDatasetType(StructuredDatasetType.newBuilder().setFormat(format)).build();
  }

  @Test
  void aSchemaFeedsParquetOrFormatlessDatasetsAndBack() {
    assertThat(TypeCompat.castable(schema(), dataset(""))).isTrue();
    assertThat(TypeCompat.castable(schema(), dataset("parquet"))).isTrue();
    assertThat(TypeCompat.castable(schema(), dataset("csv"))).isFalse();
    assertThat(TypeCompat.castable(dataset(""), schema())).isTrue();
    assertThat(TypeCompat.castable(dataset("parquet"), schema())).isTrue();
    assertThat(TypeCompat.castable(dataset("csv"), schema())).isFalse();
    assertThat(TypeCompat.castable(dataset("csv"), dataset("parquet"))).isFalse();
    assertThat(TypeCompat.castable(LiteralType.newBuilder().setSimple(SimpleType.STRING).build(), dataset(""))).isFalse();
  }
}
