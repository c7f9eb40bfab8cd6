package dev.shimkit.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteTypeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by other tools use types we never write: they are written here with parquet's own example
 * writer (not the code under test) and must read back as the documented {@link ColumnType}s.
 */
class ForeignSchemaReadTest {
  private static Path write(Path file, String schemaText, java.util.function.Consumer<Group> fill)
      throws IOException {
    MessageType schema = MessageTypeParser.parseMessageType(schemaText);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withConf(new PlainParquetConfiguration()).withType(schema).build()) {
      Group g = new SimpleGroupFactory(schema).newGroup();
      fill.accept(g);
      writer.write(g);
    }
    return file;
  }

  @Test
  void legacyAndAnnotatedTypesMapToShimkitColumnTypes(@TempDir Path tmp) throws IOException {
    Instant int96Instant = Instant.parse("2001-02-03T04:05:06.123456789Z");
    long days = int96Instant.getEpochSecond() / 86_400 + 2_440_588L;
    long nanosOfDay = (int96Instant.getEpochSecond() % 86_400) * 1_000_000_000L + int96Instant.getNano();
    byte[] int96 = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putLong(nanosOfDay).putInt((int) days)
        .array();
    Path file = write(tmp.resolve("foreign.parquet"), """
        message spark_schema {
          required int32 tiny (INTEGER(8,true));
          optional int32 unsigned (INTEGER(32,false));
          optional int64 millis (TIMESTAMP(MILLIS,false));
          optional int96 legacy_ts;
          optional binary json (JSON);
          optional binary color (ENUM);
          optional fixed_len_byte_array(2) fixed;
        }
        """, g -> g.append("tiny", -5).append("unsigned", -1).append("millis", -1L)
        .append("legacy_ts", Binary.fromConstantByteArray(int96)).append("json", "{\"a\":1}")
        .append("color", "RED").append("fixed", Binary.fromConstantByteArray(new byte[] {1, 2})));

    try (ParquetDatasetReader r = ParquetDatasetReader.open(file)) {
      assertThat(r.schema().columns()).extracting(Column::type).containsExactly(ColumnType.INT32,
          ColumnType.INT64, ColumnType.TIMESTAMP_MICROS, ColumnType.TIMESTAMP_NANOS, ColumnType.STRING,
          ColumnType.STRING, ColumnType.BYTES);
      assertThat(r.next()).isTrue();
      assertThat(r.toArray()).isEqualTo(new Object[] {-5, 4_294_967_295L, Instant.parse("1969-12-31T23:59:59.999Z"),
          int96Instant, "{\"a\":1}", "RED", new byte[] {1, 2}});
    }
  }

  @Test
  void unsupportedColumnsAreTypeErrorsNamingTheColumn(@TempDir Path tmp) throws IOException {
    Path decimal = write(tmp.resolve("decimal.parquet"),
        "message m { optional int64 price (DECIMAL(10,2)); }", g -> g.append("price", 12345L));
    assertThatThrownBy(() -> ParquetDatasetReader.open(decimal)).isInstanceOf(FlyteTypeException.class)
        .hasMessageContaining("column \"price\"").hasMessageContaining("DECIMAL");

    Path nested = write(tmp.resolve("nested.parquet"),
        "message m { optional group tags (LIST) { repeated group list { optional binary element (STRING); } } }",
        g -> {});
    assertThatThrownBy(() -> ParquetDatasetReader.open(nested)).isInstanceOf(FlyteTypeException.class)
        .hasMessageContaining("column \"tags\"").hasMessageContaining("nested");
    assertThat(List.of(decimal, nested)).allSatisfy(p -> assertThat(p).exists());
  }
}
