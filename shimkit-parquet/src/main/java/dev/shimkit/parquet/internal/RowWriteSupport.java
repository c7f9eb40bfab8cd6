package dev.shimkit.parquet.internal;

import dev.shimkit.parquet.ColumnType;
import dev.shimkit.parquet.TableSchema;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/** Hands one {@link RowBuffer} at a time to parquet's record consumer; null cells are simply left out. */
final class RowWriteSupport extends WriteSupport<RowBuffer> {
  private final MessageType schema;
  private final String[] names;
  private final ColumnType[] types;
  private RecordConsumer consumer;

  RowWriteSupport(TableSchema table) {
    this.schema = ParquetSchemas.toParquet(table);
    this.names = table.columns().stream().map(c -> c.name()).toArray(String[]::new);
    this.types = table.columns().stream().map(c -> c.type()).toArray(ColumnType[]::new);
  }

  @Override
  public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
    return init(new PlainParquetConfiguration());
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return new WriteContext(schema, Map.of());
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  @Override
  public void write(RowBuffer row) {
    consumer.startMessage();
    for (int i = 0; i < types.length; i++) {
      if (!row.present[i]) {
        continue;
      }
      consumer.startField(names[i], i);
      switch (types[i]) {
        case BOOLEAN -> consumer.addBoolean(row.longs[i] != 0);
        case INT32, DATE -> consumer.addInteger((int) row.longs[i]);
        case INT64, TIMESTAMP_MICROS, TIMESTAMP_NANOS -> consumer.addLong(row.longs[i]);
        case FLOAT -> consumer.addFloat((float) row.doubles[i]);
        case DOUBLE -> consumer.addDouble(row.doubles[i]);
        case STRING -> consumer.addBinary(Binary.fromString((String) row.refs[i]));
        case BYTES -> consumer.addBinary(Binary.fromReusedByteArray((byte[]) row.refs[i]));
      }
      consumer.endField(names[i], i);
    }
    consumer.endMessage();
  }
}
