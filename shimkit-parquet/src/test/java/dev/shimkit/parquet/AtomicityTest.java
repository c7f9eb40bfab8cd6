package dev.shimkit.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteTypeException;
import dev.shimkit.errors.FlyteUserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset appears whole on commit or not at all. */
class AtomicityTest {
  static final TableSchema SCHEMA = TableSchema.of(Column.of("id", ColumnType.INT64),
      Column.of("name", ColumnType.STRING), Column.of("score", ColumnType.DOUBLE));

  @Test
  void wrongValueTypeNamesColumnAndRowAndLeavesNothingBehind(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("results");
    ParquetDatasetWriter writer = ParquetDatasetWriter.open(out, SCHEMA,
        WriteOptions.builder().maxRowsPerPart(1).build());
    writer.writeRow(1L, "a", 1.0);
    writer.writeRow(2L, "b", 2.0);
    assertThat(entries(tmp)).hasSize(1); // the hidden staging directory, with two finished part files

    assertThatThrownBy(() -> writer.writeRow("three", "c", 3.0))
        .isInstanceOf(FlyteTypeException.class)
        .hasMessageContaining("column \"id\" (INT64) at row 2")
        .hasMessageContaining("java.lang.String")
        .hasMessageContaining("expected Long");
    assertThat(out).doesNotExist();
    assertThat(entries(tmp)).isEmpty();

    assertThatThrownBy(() -> writer.writeRow(3L, "c", 3.0)).isInstanceOf(FlyteUserException.class)
        .hasMessageContaining("discarded after an error");
    assertThatThrownBy(writer::commit).isInstanceOf(FlyteUserException.class);
    writer.close();
    assertThat(entries(tmp)).isEmpty();
  }

  @Test
  void failureOfTheRowSourceInsideTryWithResourcesPublishesNothing(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("results");
    assertThatThrownBy(() -> {
      try (ParquetDatasetWriter writer = ParquetDatasetWriter.open(out, SCHEMA,
          WriteOptions.builder().maxRowsPerPart(100).build())) {
        for (long i = 0; i < 1000; i++) {
          if (i == 555) {
            throw new IllegalStateException("connection reset while reading row " + i);
          }
          writer.setLong(0, i).setString(1, "n" + i).setDouble(2, i / 2.0).endRow();
        }
        writer.commit();
      }
    }).isInstanceOf(IllegalStateException.class);
    assertThat(out).doesNotExist();
    assertThat(entries(tmp)).isEmpty();
  }

  @Test
  void typedSetterOnWrongColumnTypeDiscardsTheDataset(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("results");
    try (ParquetDatasetWriter writer = ParquetDatasetWriter.open(out, SCHEMA)) {
      writer.setLong(0, 1).endRow();
      assertThatThrownBy(() -> writer.setString(0, "x")).isInstanceOf(FlyteTypeException.class)
          .hasMessageContaining("column \"id\" (INT64) at row 1 cannot be set with setString");
    }
    assertThat(entries(tmp)).isEmpty();
  }

  @Test
  void valuesThatDoNotFitAreTypeErrors(@TempDir Path tmp) {
    TableSchema schema = TableSchema.of(Column.of("small", ColumnType.INT32),
        Column.of("ts", ColumnType.TIMESTAMP_MICROS));
    try (ParquetDatasetWriter w = ParquetDatasetWriter.open(tmp.resolve("a"), schema)) {
      assertThatThrownBy(() -> w.setLong(0, 1L << 40)).isInstanceOf(FlyteTypeException.class)
          .hasMessageContaining("\"small\" (INT32) at row 0").hasMessageContaining("declare the column INT64");
    }
    try (ParquetDatasetWriter w = ParquetDatasetWriter.open(tmp.resolve("b"), schema)) {
      assertThatThrownBy(() -> w.setTimestamp(1, Instant.ofEpochSecond(0, 1)))
          .isInstanceOf(FlyteTypeException.class).hasMessageContaining("sub-microsecond");
    }
    try (ParquetDatasetWriter w = ParquetDatasetWriter.open(tmp.resolve("c"), schema)) {
      assertThatThrownBy(() -> w.writeRow(1)).isInstanceOf(FlyteUserException.class)
          .hasMessageContaining("has 1 values but the dataset has 2 columns");
    }
    assertThat(tmp.resolve("a")).doesNotExist();
  }

  @Test
  void commitPublishesIntoAnExistingEmptyDirectoryAndRefusesANonEmptyOne(@TempDir Path tmp) throws IOException {
    Path out = Files.createDirectory(tmp.resolve("given"));
    DatasetSummary summary;
    try (ParquetDatasetWriter w = ParquetDatasetWriter.open(out, SCHEMA)) {
      w.writeRow(1L, null, null);
      summary = w.commit();
      w.close(); // closing after commit keeps the dataset
    }
    assertThat(summary.directory()).isEqualTo(out.toAbsolutePath());
    assertThat(entries(tmp)).containsExactly(out);
    assertThat(ParquetDatasetReader.readAll(out)).containsExactly(new Object[] {1L, null, null});

    assertThatThrownBy(() -> ParquetDatasetWriter.open(out, SCHEMA)).isInstanceOf(FlyteUserException.class)
        .hasMessageContaining("not empty");
    Path file = Files.writeString(tmp.resolve("file"), "x");
    assertThatThrownBy(() -> ParquetDatasetWriter.open(file, SCHEMA)).isInstanceOf(FlyteUserException.class)
        .hasMessageContaining("not a directory");
  }

  @Test
  void createsMissingParentDirectories(@TempDir Path tmp) {
    Path out = tmp.resolve("raw/af/results");
    try (ParquetDatasetWriter w = ParquetDatasetWriter.open(out, SCHEMA)) {
      w.writeRow(1L, "x", 0.5);
      assertThat(w.commit().partFiles()).containsExactly(out.toAbsolutePath().resolve("00000"));
    }
  }

  private static List<Path> entries(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }
}
