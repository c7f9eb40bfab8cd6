package dev.shimkit.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteTypeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoundTripTest {
  static final TableSchema ALL = TableSchema.of(
      Column.of("b", ColumnType.BOOLEAN),
      Column.of("i", ColumnType.INT32),
      Column.of("l", ColumnType.INT64),
      Column.of("f", ColumnType.FLOAT),
      Column.of("d", ColumnType.DOUBLE),
      Column.of("s", ColumnType.STRING),
      Column.of("bytes", ColumnType.BYTES),
      Column.of("day", ColumnType.DATE),
      Column.of("ts_us", ColumnType.TIMESTAMP_MICROS),
      Column.of("ts_ns", ColumnType.TIMESTAMP_NANOS));

  static List<Object[]> allTypesRows() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {true, Integer.MIN_VALUE, Long.MIN_VALUE, Float.NaN, Double.NaN, "",
        new byte[0], LocalDate.of(1969, 12, 31), Instant.parse("1969-12-31T23:59:59.999999Z"),
        Instant.parse("1677-09-21T00:12:43.145224192Z")});
    rows.add(new Object[] {false, Integer.MAX_VALUE, Long.MAX_VALUE, Float.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, "Grüße, 東京 🚀 e\u0301", new byte[] {0, -1, 127, -128},
        LocalDate.of(9999, 12, 31), Instant.parse("2262-04-11T23:47:16.854775Z"),
        Instant.parse("2262-04-11T23:47:16.854775807Z")});
    rows.add(new Object[] {null, null, null, null, null, null, null, null, null, null});
    rows.add(new Object[] {true, 0, 0L, -0.0f, -0.0, "plain ascii", "x".getBytes(), LocalDate.of(1, 1, 1),
        Instant.EPOCH, Instant.parse("2024-02-29T12:34:56.123456789Z")});
    rows.add(new Object[] {null, -1, null, Float.MIN_VALUE, Double.MAX_VALUE, null, new byte[] {1}, null,
        Instant.parse("0001-01-01T00:00:00Z"), null});
    return rows;
  }

  @Test
  void everyColumnTypeWithNullsAndExtremesSurvivesARoundTrip(@TempDir Path tmp) {
    Path out = tmp.resolve("ds");
    List<Object[]> rows = allTypesRows();
    DatasetSummary summary;
    try (ParquetDatasetWriter writer = ParquetDatasetWriter.open(out, ALL)) {
      rows.forEach(writer::writeRow);
      summary = writer.commit();
    }
    assertThat(summary.rows()).isEqualTo(rows.size());
    assertThat(summary.parts()).isEqualTo(1);
    assertThat(summary.bytes()).isPositive();

    try (ParquetDatasetReader reader = ParquetDatasetReader.open(out)) {
      assertThat(reader.schema()).isEqualTo(ALL);
      for (Object[] expected : rows) {
        assertThat(reader.next()).isTrue();
        assertThat(reader.toArray()).isEqualTo(expected);
      }
      assertThat(reader.next()).isFalse();
    }
    // NaN, -0.0 and Infinity bit patterns, not only equals()
    List<Object[]> back = ParquetDatasetReader.readAll(out);
    assertThat(Double.doubleToRawLongBits((Double) back.get(3)[4])).isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat((Float) back.get(0)[3]).isNaN();
  }

  @Test
  void typedSettersWriteWhatTypedGettersRead(@TempDir Path tmp) {
    Path out = tmp.resolve("typed");
    try (ParquetDatasetWriter w = ParquetDatasetWriter.open(out, ALL)) {
      w.setBoolean(0, true).setInt(1, 7).setLong(2, -9L).setFloat(3, 1.5f).setDouble(4, 2.25)
          .setString(5, "é").setBytes(6, new byte[] {9}).setDate(7, LocalDate.of(2000, 1, 1))
          .setTimestamp(8, Instant.ofEpochSecond(1, 5000)).setTimestamp(9, Instant.ofEpochSecond(-1, 7))
          .endRow();
      w.setString(5, null).setNull(0).endRow();
      w.commit();
    }
    try (ParquetDatasetReader r = ParquetDatasetReader.open(out)) {
      assertThat(r.next()).isTrue();
      assertThat(r.getBoolean(0)).isTrue();
      assertThat(r.getInt(1)).isEqualTo(7);
      assertThat(r.getLong(1)).isEqualTo(7L);
      assertThat(r.getLong(2)).isEqualTo(-9L);
      assertThat(r.getFloat(3)).isEqualTo(1.5f);
      assertThat(r.getDouble(4)).isEqualTo(2.25);
      assertThat(r.getString(5)).isEqualTo("é");
      assertThat(r.getBytes(6)).containsExactly(9);
      assertThat(r.getDate(7)).isEqualTo(LocalDate.of(2000, 1, 1));
      assertThat(r.getTimestamp(8)).isEqualTo(Instant.ofEpochSecond(1, 5000));
      assertThat(r.getTimestamp(9)).isEqualTo(Instant.ofEpochSecond(-1, 7));
      assertThat(r.rowIndex()).isZero();
      assertThat(r.next()).isTrue();
      for (int c = 0; c < ALL.size(); c++) {
        assertThat(r.isNull(c)).as("column %s", c).isTrue();
      }
      assertThatThrownBy(() -> r.getLong(2)).isInstanceOf(FlyteTypeException.class)
          .hasMessageContaining("\"l\" is null at row 1");
      assertThatThrownBy(() -> r.getString(2)).isInstanceOf(FlyteTypeException.class)
          .hasMessageContaining("\"l\" is INT64");
      assertThat(r.next()).isFalse();
    }
  }

  @Test
  void parquetTypesAreTheOnesPyarrowWritesForTheArrowTypes(@TempDir Path tmp) {
    Path out = tmp.resolve("types");
    try (ParquetDatasetWriter w = ParquetDatasetWriter.open(out, ALL)) {
      w.commit();
    }
    MessageType m = Golden.footer(out.resolve("00000")).getFileMetaData().getSchema();
    assertThat(m.getFields()).allSatisfy(f -> assertThat(f.getRepetition()).isEqualTo(Type.Repetition.OPTIONAL));
    assertPrimitive(m, "b", PrimitiveTypeName.BOOLEAN, null);
    assertPrimitive(m, "i", PrimitiveTypeName.INT32, null);
    assertPrimitive(m, "l", PrimitiveTypeName.INT64, null);
    assertPrimitive(m, "f", PrimitiveTypeName.FLOAT, null);
    assertPrimitive(m, "d", PrimitiveTypeName.DOUBLE, null);
    assertPrimitive(m, "s", PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType());
    assertPrimitive(m, "bytes", PrimitiveTypeName.BINARY, null);
    assertPrimitive(m, "day", PrimitiveTypeName.INT32, LogicalTypeAnnotation.dateType());
    assertPrimitive(m, "ts_us", PrimitiveTypeName.INT64, LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS));
    assertPrimitive(m, "ts_ns", PrimitiveTypeName.INT64, LogicalTypeAnnotation.timestampType(true, TimeUnit.NANOS));
  }

  private static void assertPrimitive(MessageType m, String name, PrimitiveTypeName physical,
      LogicalTypeAnnotation logical) {
    assertThat(m.getType(name).asPrimitiveType().getPrimitiveTypeName()).as(name).isEqualTo(physical);
    assertThat(m.getType(name).getLogicalTypeAnnotation()).as(name).isEqualTo(logical);
  }

  @Test
  void emptyDatasetIsOnePartFileWithTheSchemaAndNoRows(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("empty");
    DatasetSummary summary;
    try (ParquetDatasetWriter w = ParquetDatasetWriter.open(out, ALL)) {
      summary = w.commit();
    }
    assertThat(summary.rows()).isZero();
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("00000");
    }
    assertThat(Golden.footer(out.resolve("00000")).getBlocks()).isEmpty();
    try (ParquetDatasetReader r = ParquetDatasetReader.open(out)) {
      assertThat(r.schema()).isEqualTo(ALL);
      assertThat(r.next()).isFalse();
    }
  }

  @Test
  void rollsPartFilesByRowCountAndReadsThemBackInOrder(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("parts");
    TableSchema schema = TableSchema.of(Column.of("id", ColumnType.INT64), Column.of("name", ColumnType.STRING));
    DatasetSummary summary;
    try (ParquetDatasetWriter w = ParquetDatasetWriter.open(out, schema,
        WriteOptions.builder().maxRowsPerPart(3).build())) {
      for (long i = 0; i < 10; i++) {
        w.setLong(0, i).setString(1, "row " + i).endRow();
      }
      summary = w.commit();
    }
    assertThat(summary.partFiles()).extracting(p -> p.getFileName().toString())
        .containsExactly("00000", "00001", "00002", "00003");
    assertThat(summary.rows()).isEqualTo(10);
    assertThat(summary.bytes()).isEqualTo(summary.partFiles().stream().mapToLong(p -> p.toFile().length()).sum());
    assertThat(Golden.footer(out.resolve("00003")).getBlocks().get(0).getRowCount()).isEqualTo(1);
    try (ParquetDatasetReader r = ParquetDatasetReader.open(out)) {
      assertThat(r.partFiles()).hasSize(4);
      long expected = 0;
      while (r.next()) {
        assertThat(r.getLong(0)).isEqualTo(expected);
        assertThat(r.getString(1)).isEqualTo("row " + expected);
        assertThat(r.rowIndex()).isEqualTo(expected);
        expected++;
      }
      assertThat(expected).isEqualTo(10);
    }
  }

  @Test
  void rollsPartFilesBySize(@TempDir Path tmp) {
    Path out = tmp.resolve("sized");
    TableSchema schema = TableSchema.of(Column.of("payload", ColumnType.BYTES));
    java.util.Random random = new java.util.Random(1);
    List<byte[]> payloads = new ArrayList<>();
    DatasetSummary summary;
    try (ParquetDatasetWriter w = ParquetDatasetWriter.open(out, schema, WriteOptions.builder()
        .compression(Compression.UNCOMPRESSED).maxBytesPerPart(2L << 20).rowGroupBytes(1L << 20).build())) {
      for (int i = 0; i < 3000; i++) {
        byte[] payload = new byte[4096];
        random.nextBytes(payload);
        payloads.add(payload);
        w.setBytes(0, payload).endRow();
      }
      summary = w.commit();
    }
    // 12 MB of incompressible rows in parts of about 2 MB
    assertThat(summary.parts()).isBetween(5, 7);
    assertThat(summary.partFiles()).allSatisfy(p -> assertThat(p.toFile().length()).isLessThan(3L << 20));
    List<Object[]> back = ParquetDatasetReader.readAll(out);
    assertThat(back).hasSize(3000);
    for (int i = 0; i < back.size(); i++) {
      assertThat((byte[]) back.get(i)[0]).isEqualTo(payloads.get(i));
    }
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void everyCompressionRoundTrips(Compression compression, @TempDir Path tmp) {
    Path out = tmp.resolve("c");
    try (ParquetDatasetWriter w = ParquetDatasetWriter.open(out, ALL,
        WriteOptions.builder().compression(compression).build())) {
      allTypesRows().forEach(w::writeRow);
      w.commit();
    }
    assertThat(Golden.footer(out.resolve("00000")).getBlocks().get(0).getColumns())
        .allSatisfy(c -> assertThat(c.getCodec().name()).isEqualTo(compression.name()));
    assertThat(ParquetDatasetReader.readAll(out)).containsExactlyElementsOf(allTypesRows());
  }

  @Test
  void genericSetAcceptsLosslessEquivalents(@TempDir Path tmp) {
    Path out = tmp.resolve("eq");
    try (ParquetDatasetWriter w = ParquetDatasetWriter.open(out, ALL)) {
      w.writeRow(true, (short) 3, 4, 1.0f, 2.0f, new StringBuilder("sb"), java.nio.ByteBuffer.wrap(new byte[] {5}),
          LocalDate.EPOCH, OffsetDateTime.of(2020, 1, 1, 1, 0, 0, 0, ZoneOffset.ofHours(1)),
          java.math.BigInteger.TEN.equals(null) ? null : Instant.ofEpochSecond(10));
      w.commit();
    }
    assertThat(ParquetDatasetReader.readAll(out)).containsExactly(new Object[] {true, 3, 4L, 1.0f, 2.0, "sb",
        new byte[] {5}, LocalDate.EPOCH, Instant.parse("2020-01-01T00:00:00Z"), Instant.ofEpochSecond(10)});
  }

  @Test
  void streamOfRowsClosesTheReader(@TempDir Path tmp) {
    Path out = tmp.resolve("st");
    TableSchema schema = TableSchema.of(Column.of("x", ColumnType.INT64));
    try (ParquetDatasetWriter w = ParquetDatasetWriter.open(out, schema)) {
      for (long i = 0; i < 5; i++) {
        w.writeRow(i);
      }
      w.commit();
    }
    ParquetDatasetReader reader = ParquetDatasetReader.open(out);
    try (var rows = reader.rows()) {
      assertThat(rows.mapToLong(r -> (Long) r[0]).sum()).isEqualTo(10);
    }
    assertThat(reader.next()).isFalse();
  }
}
