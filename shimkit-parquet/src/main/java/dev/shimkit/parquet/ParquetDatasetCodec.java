package dev.shimkit.parquet;

import dev.shimkit.errors.FlyteException;
import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.types.CellType;
import dev.shimkit.types.DatasetCodec;
import dev.shimkit.types.StructuredDataset;
import dev.shimkit.types.TableColumn;
import dev.shimkit.types.TableCursor;
import dev.shimkit.parquet.internal.ReaderCursor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code parquet} {@link DatasetCodec}: writes with {@link ParquetDatasetWriter} (flytekit's layout, a
 * directory of part files {@code 00000}, ...) and reads with {@link ParquetDatasetReader}. {@link CellType}s
 * map one to one onto {@link ColumnType}s of the same name. Registered for {@link java.util.ServiceLoader}.
 */
public final class ParquetDatasetCodec implements DatasetCodec {
  private final WriteOptions options;

  /** The codec with default write options (what ServiceLoader creates). */
  public ParquetDatasetCodec() {
    this(WriteOptions.defaults());
  }

  public ParquetDatasetCodec(WriteOptions options) {
    this.options = options;
  }

  @Override
  public String format() {
    return StructuredDataset.PARQUET;
  }

  /** The parquet schema for a cursor's columns. */
  public static TableSchema schemaOf(List<TableColumn> columns) {
    List<Column> out = new ArrayList<>(columns.size());
    for (TableColumn c : columns) {
      out.add(Column.of(c.name(), ColumnType.valueOf(c.type().name())));
    }
    return new TableSchema(out);
  }

  /** The cursor columns of a parquet schema. */
  public static List<TableColumn> columnsOf(TableSchema schema) {
    List<TableColumn> out = new ArrayList<>(schema.size());
    for (Column c : schema.columns()) {
      out.add(TableColumn.of(c.name(), CellType.valueOf(c.type().name())));
    }
    return List.copyOf(out);
  }

  @Override
  public long write(TableCursor rows, Path directory) {
    List<TableColumn> columns = rows.columns();
    int n = columns.size();
    CellType[] types = new CellType[n];
    for (int i = 0; i < n; i++) {
      types[i] = columns.get(i).type();
    }
    try (ParquetDatasetWriter w = ParquetDatasetWriter.open(directory, schemaOf(columns), options)) {
      try {
        while (rows.next()) {
          for (int i = 0; i < n; i++) {
            if (rows.isNull(i)) {
              continue;
            }
            switch (types[i]) {
              case BOOLEAN -> w.setBoolean(i, rows.getBoolean(i));
              case INT32, INT64 -> w.setLong(i, rows.getLong(i));
              case FLOAT -> w.setFloat(i, (float) rows.getDouble(i));
              case DOUBLE -> w.setDouble(i, rows.getDouble(i));
              case STRING -> w.setString(i, rows.getString(i));
              case BYTES -> w.setBytes(i, rows.getBytes(i));
              case DATE -> w.setDate(i, rows.getDate(i));
              case TIMESTAMP_MICROS, TIMESTAMP_NANOS -> w.setTimestamp(i, rows.getTimestamp(i));
            }
          }
          w.endRow();
        }
      } catch (FlyteException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new FlyteSystemException("reading row " + w.rowCount() + " to write parquet dataset " + directory
            + " failed: " + e, e);
      }
      return w.commit().rows();
    }
  }

  @Override
  public TableCursor open(Path fileOrDirectory) {
    return new ReaderCursor(ParquetDatasetReader.open(fileOrDirectory));
  }
}
