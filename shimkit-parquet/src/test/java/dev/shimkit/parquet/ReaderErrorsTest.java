package dev.shimkit.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteTypeException;
import dev.shimkit.errors.FlyteUserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReaderErrorsTest {
  private static Path dataset(Path dir, TableSchema schema, Object[]... rows) {
    try (ParquetDatasetWriter w = ParquetDatasetWriter.open(dir, schema)) {
      for (Object[] row : rows) {
        w.writeRow(row);
      }
      return w.commit().partFiles().get(0);
    }
  }

  @Test
  void missingPathEmptyDirectoryAndNonParquetFileAreClearUserErrors(@TempDir Path tmp) throws IOException {
    assertThatThrownBy(() -> ParquetDatasetReader.open(tmp.resolve("nope"))).isInstanceOf(FlyteUserException.class)
        .hasMessageContaining("does not exist");
    Path empty = Files.createDirectory(tmp.resolve("empty"));
    Files.writeString(empty.resolve("_SUCCESS"), "");
    assertThatThrownBy(() -> ParquetDatasetReader.open(empty)).isInstanceOf(FlyteUserException.class)
        .hasMessageContaining("holds no part files");
    Path text = Files.writeString(tmp.resolve("notes.txt"), "this is not parquet, not at all");
    assertThatThrownBy(() -> ParquetDatasetReader.open(text)).isInstanceOf(FlyteUserException.class)
        .hasMessageContaining("as parquet");
  }

  @Test
  void partsAreReadInNumericNameOrderSkippingHiddenAndMarkerFiles(@TempDir Path tmp) throws IOException {
    TableSchema schema = TableSchema.of(Column.of("n", ColumnType.INT64));
    Path dir = Files.createDirectory(tmp.resolve("ds"));
    Files.copy(dataset(tmp.resolve("a"), schema, new Object[] {1L}), dir.resolve("99999"));
    Files.copy(dataset(tmp.resolve("b"), schema, new Object[] {2L}), dir.resolve("100000"));
    Files.copy(dataset(tmp.resolve("c"), schema, new Object[] {0L}), dir.resolve("00000"));
    Files.writeString(dir.resolve("_SUCCESS"), "");
    Files.writeString(dir.resolve(".00000.crc"), "junk");

    assertThat(ParquetDatasetReader.readAll(dir)).containsExactly(new Object[] {0L}, new Object[] {1L},
        new Object[] {2L});
  }

  @Test
  void partFilesWithDifferentColumnsAreATypeError(@TempDir Path tmp) throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("ds"));
    Files.copy(dataset(tmp.resolve("a"), TableSchema.of(Column.of("n", ColumnType.INT64)), new Object[] {1L}),
        dir.resolve("00000"));
    Files.copy(dataset(tmp.resolve("b"), TableSchema.of(Column.of("n", ColumnType.STRING)), new Object[] {"x"}),
        dir.resolve("00001"));
    try (ParquetDatasetReader reader = ParquetDatasetReader.open(dir)) {
      assertThat(reader.next()).isTrue();
      assertThatThrownBy(reader::next).isInstanceOf(FlyteTypeException.class)
          .hasMessageContaining("part file 00001 has columns [n: STRING]");
    }
  }

  @Test
  void schemaRulesAreEnforced() {
    assertThatThrownBy(() -> TableSchema.of()).isInstanceOf(FlyteUserException.class);
    assertThatThrownBy(() -> TableSchema.of(Column.of("a", ColumnType.INT64), Column.of("a", ColumnType.DOUBLE)))
        .isInstanceOf(FlyteUserException.class).hasMessageContaining("\"a\" is used twice");
    assertThatThrownBy(() -> Column.of("", ColumnType.INT64)).isInstanceOf(FlyteUserException.class);
    assertThat(TableSchema.of(Column.of("a", ColumnType.INT64), Column.of("b", ColumnType.DOUBLE)).indexOf("b"))
        .contains(1);
  }
}
