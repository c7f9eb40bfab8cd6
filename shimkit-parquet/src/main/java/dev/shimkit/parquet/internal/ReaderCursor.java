package dev.shimkit.parquet.internal;

import dev.shimkit.parquet.ParquetDatasetCodec;
import dev.shimkit.parquet.ParquetDatasetReader;
import dev.shimkit.types.TableColumn;
import dev.shimkit.types.TableCursor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A {@link TableCursor} over a {@link ParquetDatasetReader}. */
public final class ReaderCursor implements TableCursor {
  private final ParquetDatasetReader reader;
  private final List<TableColumn> columns;

  public ReaderCursor(ParquetDatasetReader reader) {
    this.reader = reader;
    this.columns = ParquetDatasetCodec.columnsOf(reader.schema());
  }

  @Override
  public List<TableColumn> columns() {
    return columns;
  }

  @Override
  public boolean next() {
    return reader.next();
  }

  @Override
  public boolean isNull(int column) {
    return reader.isNull(column);
  }

  @Override
  public boolean getBoolean(int column) {
    return reader.getBoolean(column);
  }

  @Override
  public long getLong(int column) {
    return reader.getLong(column);
  }

  @Override
  public double getDouble(int column) {
    return reader.getDouble(column);
  }

  @Override
  public String getString(int column) {
    return reader.getString(column);
  }

  @Override
  public byte[] getBytes(int column) {
    return reader.getBytes(column);
  }

  @Override
  public LocalDate getDate(int column) {
    return reader.getDate(column);
  }

  @Override
  public Instant getTimestamp(int column) {
    return reader.getTimestamp(column);
  }

  @Override
  public Object get(int column) {
    return reader.get(column);
  }

  @Override
  public void close() {
    reader.close();
  }
}
