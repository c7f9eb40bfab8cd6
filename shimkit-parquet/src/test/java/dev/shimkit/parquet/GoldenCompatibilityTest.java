package dev.shimkit.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our reader against flytekit's own output, and our writer's parquet schema against flytekit's. */
class GoldenCompatibilityTest {
  private static final String QUERY = "select TrackId, Name from tracks limit 3";

  @Test
  void readsFlytekitPartFileWithTheRowsOfItsSqliteQuery(@TempDir Path tmp) throws Exception {
    List<Object[]> expected = Golden.query(tmp, QUERY);
    assertThat(expected).hasSize(3);

    try (ParquetDatasetReader reader = ParquetDatasetReader.open(Golden.RESULTS_PART)) {
      assertThat(reader.schema()).isEqualTo(TableSchema.of(
          Column.of("TrackId", ColumnType.INT64), Column.of("Name", ColumnType.STRING)));
      for (Object[] row : expected) {
        assertThat(reader.next()).isTrue();
        assertThat(reader.getLong(0)).isEqualTo(((Number) row[0]).longValue());
        assertThat(reader.getString(1)).isEqualTo(row[1]);
      }
      assertThat(reader.next()).isFalse();
    }
    // the values themselves, so a broken sqlite source cannot make the comparison vacuous
    assertThat(ParquetDatasetReader.readAll(Golden.RESULTS_PART)).containsExactly(
        new Object[] {1L, "For Those About To Rock"},
        new Object[] {2L, "Balls to the Wall"},
        new Object[] {3L, "Fast As a Shark"});
  }

  @Test
  void readsFlytekitLayoutDirectoryWithPartNamed00000(@TempDir Path tmp) throws Exception {
    Path dataset = Files.createDirectory(tmp.resolve("af5fc400a6fb96fc027eee1fbce0145e"));
    Files.copy(Golden.RESULTS_PART, dataset.resolve("00000"));

    assertThat(ParquetDatasetReader.readAll(dataset)).hasSize(3)
        .first().isEqualTo(new Object[] {1L, "For Those About To Rock"});
  }

  @Test
  void writesTheSameParquetSchemaAsFlytekitForTheSameRows(@TempDir Path tmp) throws Exception {
    List<Object[]> source = Golden.query(tmp, QUERY);
    Path out = tmp.resolve("results");
    TableSchema schema = TableSchema.of(Column.of("TrackId", ColumnType.INT64), Column.of("Name", ColumnType.STRING));
    DatasetSummary summary;
    try (ParquetDatasetWriter writer = ParquetDatasetWriter.open(out, schema)) {
      for (Object[] row : source) {
        writer.writeRow(((Number) row[0]).longValue(), row[1]);
      }
      summary = writer.commit();
    }

    assertThat(summary.partFiles()).containsExactly(out.resolve("00000"));
    MessageType ours = Golden.footer(out.resolve("00000")).getFileMetaData().getSchema();
    MessageType theirs = Golden.footer(Golden.RESULTS_PART).getFileMetaData().getSchema();
    assertThat(ours.getName()).isEqualTo(theirs.getName());
    assertThat(ours.getFieldCount()).isEqualTo(theirs.getFieldCount());
    for (int i = 0; i < theirs.getFieldCount(); i++) {
      Type t = theirs.getType(i);
      PrimitiveType o = ours.getType(i).asPrimitiveType();
      assertThat(o.getName()).isEqualTo(t.getName());
      assertThat(o.getRepetition()).isEqualTo(t.getRepetition());
      assertThat(o.getPrimitiveTypeName()).isEqualTo(t.asPrimitiveType().getPrimitiveTypeName());
      assertThat(o.getLogicalTypeAnnotation()).isEqualTo(t.getLogicalTypeAnnotation());
    }
    assertThat(ours).isEqualTo(theirs);
    assertThat(Golden.footer(out.resolve("00000")).getBlocks().get(0).getColumns())
        .allSatisfy(c -> assertThat(c.getCodec().name()).isEqualTo("SNAPPY"));
    assertThat(ParquetDatasetReader.readAll(out))
        .containsExactlyElementsOf(ParquetDatasetReader.readAll(Golden.RESULTS_PART));
  }
}
