package dev.shimkit.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.errors.FlyteTypeException;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.storage.FileAccessProvider;
import dev.shimkit.types.CellType;
import dev.shimkit.types.StructuredDataset;
import dev.shimkit.types.StructuredDatasets;
import dev.shimkit.types.TableColumn;
import dev.shimkit.types.TableCursor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parquet DatasetCodec found through ServiceLoader, and StructuredDatasets' write/open round trip. */
class DatasetCodecTest {
  @TempDir
  Path dir;

  static final List<TableColumn> COLUMNS = List.of(TableColumn.of("b", CellType.BOOLEAN),
      TableColumn.of("i", CellType.INT32), TableColumn.of("l", CellType.INT64), TableColumn.of("f", CellType.FLOAT),
      TableColumn.of("d", CellType.DOUBLE), TableColumn.of("s", CellType.STRING), TableColumn.of("y", CellType.BYTES),
      TableColumn.of("day", CellType.DATE), TableColumn.of("us", CellType.TIMESTAMP_MICROS),
      TableColumn.of("ns", CellType.TIMESTAMP_NANOS));

  static List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {true, 1, Long.MAX_VALUE, 1.5f, -2.25, "ü", new byte[] {1, 2}, LocalDate.of(2024, 2, 29),
        Instant.parse("2024-01-01T00:00:00.000001Z"), Instant.parse("2024-01-01T00:00:00.000000001Z")});
    rows.add(new Object[] {null, null, null, null, null, null, null, null, null, null});
    return rows;
  }

  @Test
  void serviceLoaderFindsParquet() {
    assertThat(StructuredDatasets.formats()).contains("parquet");
    assertThat(StructuredDatasets.codec("PARQUET")).isInstanceOf(ParquetDatasetCodec.class);
    assertThatThrownBy(() -> StructuredDatasets.codec("avro")).isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("No dataset codec for format 'avro'").hasMessageContaining("parquet");
  }

  @Test
  void writeThenOpenGivesTheSameRowsAndFlytekitsLayout() {
    FlyteContext ctx = FlyteContext.root(FileAccessProvider.local(dir.resolve("sandbox")));
    StructuredDataset sd = StructuredDatasets.write(ctx, TableCursor.of(COLUMNS, rows()));
    assertThat(sd.fileFormat()).isEqualTo("parquet");
    assertThat(sd.columns()).extracting(StructuredDataset.Column::name)
        .containsExactly("b", "i", "l", "f", "d", "s", "y", "day", "us", "ns");
    assertThat(Path.of(sd.uri()).resolve("00000")).isRegularFile();
    assertThat(dir.resolve("sandbox/local_flytekit")).satisfies(p -> {
      if (Files.exists(p)) {
        assertThat(p).isEmptyDirectory();
      }
    });
    try (TableCursor c = StructuredDatasets.open(ctx, sd)) {
      assertThat(c.columns()).isEqualTo(COLUMNS);
      List<Object[]> back = c.readAll();
      assertThat(back).hasSize(2);
      assertThat(back.get(0)).isEqualTo(rows().get(0));
      assertThat(back.get(1)).containsOnlyNulls();
    }
    try (ParquetDatasetReader r = ParquetDatasetReader.open(Path.of(sd.uri()))) {
      assertThat(r.schema()).isEqualTo(ParquetDatasetCodec.schemaOf(COLUMNS));
    }
  }

  @Test
  void aFileUriIsDownloadedAndDeletedOnClose() {
    FlyteContext ctx = FlyteContext.root(FileAccessProvider.local(dir.resolve("sandbox")));
    StructuredDataset sd = StructuredDatasets.write(ctx, TableCursor.of(COLUMNS, rows()));
    StructuredDataset asUri = StructuredDataset.of(Path.of(sd.uri()).toUri().toString());
    TableCursor c = StructuredDatasets.open(ctx, asUri);
    assertThat(c.readAll()).hasSize(2);
    assertThat(dir.resolve("sandbox/local_flytekit")).isEmptyDirectory();
  }

  @Test
  void aBadCellFailsTheWriteAndLeavesNothing() {
    Path target = dir.resolve("ds");
    List<Object[]> bad = List.<Object[]>of(new Object[] {"not a number"});
    TableCursor cursor = TableCursor.of(List.of(TableColumn.of("n", CellType.INT64)), bad);
    assertThatThrownBy(() -> new ParquetDatasetCodec().write(cursor, target)).isInstanceOf(FlyteTypeException.class)
        .hasMessageContaining("column \"n\"");
    assertThat(target).doesNotExist();
  }
}
