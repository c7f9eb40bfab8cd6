package dev.shimkit.parquet;

import dev.shimkit.errors.FlyteTypeException;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.parquet.internal.Cells;
import dev.shimkit.parquet.internal.ParquetSchemas;
import dev.shimkit.parquet.internal.PartFiles;
import dev.shimkit.parquet.internal.PartReader;
import dev.shimkit.parquet.internal.RowBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams the rows of a parquet dataset: a directory of part files (read in name order, see
 * {@code 00000}...) or a single parquet file. One part file is open at a time and one row group of it in
 * memory. Parquet types map to {@link ColumnType}s: int32 (and smaller ints) to INT32, int64 and uint32 to
 * INT64, float, double, boolean, UTF-8/enum/JSON byte arrays to STRING, other byte arrays to BYTES, DATE,
 * TIMESTAMP millis/micros to TIMESTAMP_MICROS, nanos and legacy INT96 to TIMESTAMP_NANOS; local (not
 * UTC-adjusted) timestamps read as if they were UTC. Nested, repeated, decimal and other columns are a
 * {@link FlyteTypeException}. All part files must have the same columns.
 *
 * <p>Cursor style: {@code while (reader.next()) { reader.getLong(0); ... }}, or {@link #rows()} for boxed
 * rows. Not thread-safe; close it (try-with-resources) to release the open file.
 */
public final class ParquetDatasetReader implements AutoCloseable {
  private final Path source;
  private final List<Path> parts;
  private final TableSchema schema;
  private int nextPart;
  private PartReader current;
  private RowBuffer row;
  private long rowIndex = -1;

  private ParquetDatasetReader(Path source, List<Path> parts, PartReader first) {
    this.source = source;
    this.parts = parts;
    this.current = first;
    this.nextPart = 1;
    this.schema = ParquetSchemas.tableSchema(first.columns());
  }

  /** Opens a dataset directory or a single parquet file and reads its schema. */
  public static ParquetDatasetReader open(Path fileOrDirectory) {
    if (fileOrDirectory == null) {
      throw new FlyteUserException("ParquetDatasetReader.open needs a path (got null)");
    }
    List<Path> parts = PartFiles.list(fileOrDirectory);
    return new ParquetDatasetReader(fileOrDirectory, parts, PartReader.open(parts.get(0)));
  }

  /** Reads a whole dataset into memory: for small data and tests. */
  public static List<Object[]> readAll(Path fileOrDirectory) {
    try (ParquetDatasetReader reader = open(fileOrDirectory)) {
      List<Object[]> rows = new ArrayList<>();
      while (reader.next()) {
        rows.add(reader.toArray());
      }
      return rows;
    }
  }

  public TableSchema schema() {
    return schema;
  }

  /** The part files, in the order their rows are returned. */
  public List<Path> partFiles() {
    return parts;
  }

  /** Moves to the next row; {@code false} when all part files are read. */
  public boolean next() {
    while (current != null) {
      RowBuffer r = current.next();
      if (r != null) {
        row = r;
        rowIndex++;
        return true;
      }
      current.close();
      current = null;
      if (nextPart < parts.size()) {
        current = openPart(parts.get(nextPart++));
      }
    }
    row = null;
    return false;
  }

  /** 0-based index of the current row over the whole dataset. */
  public long rowIndex() {
    return rowIndex;
  }

  public boolean isNull(int column) {
    return !current(column).present[column];
  }

  public boolean getBoolean(int column) {
    return present(column, "getBoolean", ColumnType.BOOLEAN).longs[column] != 0;
  }

  public int getInt(int column) {
    return (int) present(column, "getInt", ColumnType.INT32).longs[column];
  }

  /** The value of an INT64 or INT32 cell. */
  public long getLong(int column) {
    return present(column, "getLong", ColumnType.INT64, ColumnType.INT32).longs[column];
  }

  public float getFloat(int column) {
    return (float) present(column, "getFloat", ColumnType.FLOAT).doubles[column];
  }

  /** The value of a DOUBLE or FLOAT cell. */
  public double getDouble(int column) {
    return present(column, "getDouble", ColumnType.DOUBLE, ColumnType.FLOAT).doubles[column];
  }

  /** A STRING cell, {@code null} when null. */
  public String getString(int column) {
    return (String) nullable(column, "getString", ColumnType.STRING);
  }

  /** A BYTES cell, {@code null} when null. */
  public byte[] getBytes(int column) {
    return (byte[]) nullable(column, "getBytes", ColumnType.BYTES);
  }

  /** A DATE cell, {@code null} when null. */
  public LocalDate getDate(int column) {
    return (LocalDate) nullable(column, "getDate", ColumnType.DATE);
  }

  /** A TIMESTAMP_MICROS or TIMESTAMP_NANOS cell, {@code null} when null. */
  public Instant getTimestamp(int column) {
    return (Instant) nullable(column, "getTimestamp", ColumnType.TIMESTAMP_MICROS, ColumnType.TIMESTAMP_NANOS);
  }

  /** Any cell, boxed as its column's {@link ColumnType#javaType()}; {@code null} when null. */
  public Object get(int column) {
    return Cells.get(current(column), column, schema.column(column).type());
  }

  /** The current row, boxed. */
  public Object[] toArray() {
    Object[] values = new Object[schema.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = get(i);
    }
    return values;
  }

  /** The remaining rows, boxed; closing the stream closes this reader. Single use. */
  public Stream<Object[]> rows() {
    Iterator<Object[]> it = new Iterator<>() {
      private Boolean hasNext;

      @Override
      public boolean hasNext() {
        if (hasNext == null) {
          hasNext = ParquetDatasetReader.this.next();
        }
        return hasNext;
      }

      @Override
      public Object[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        hasNext = null;
        return toArray();
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
        false).onClose(this::close);
  }

  @Override
  public void close() {
    if (current != null) {
      current.close();
      current = null;
    }
    nextPart = parts.size();
    row = null;
  }

  private PartReader openPart(Path file) {
    PartReader reader = PartReader.open(file);
    TableSchema other = ParquetSchemas.tableSchema(reader.columns());
    if (!other.equals(schema)) {
      reader.close();
      throw new FlyteTypeException("parquet dataset " + source + ": part file " + file.getFileName()
          + " has columns " + other + " but " + parts.get(0).getFileName() + " has " + schema
          + "; all part files of a dataset must have the same columns");
    }
    return reader;
  }

  private RowBuffer current(int column) {
    if (row == null) {
      throw new IllegalStateException("no current row: call next() first and only while it returns true");
    }
    if (column < 0 || column >= schema.size()) {
      throw new FlyteUserException("column index " + column + " is out of range; the dataset has "
          + schema.size() + " columns " + schema);
    }
    return row;
  }

  private Object nullable(int column, String getter, ColumnType... allowed) {
    RowBuffer r = checked(column, getter, allowed);
    return Cells.get(r, column, schema.column(column).type());
  }

  private RowBuffer present(int column, String getter, ColumnType... allowed) {
    RowBuffer r = checked(column, getter, allowed);
    if (!r.present[column]) {
      throw new FlyteTypeException("column \"" + schema.column(column).name() + "\" is null at row " + rowIndex
          + "; check isNull(" + column + ") before " + getter);
    }
    return r;
  }

  private RowBuffer checked(int column, String getter, ColumnType... allowed) {
    RowBuffer r = current(column);
    ColumnType type = schema.column(column).type();
    for (ColumnType t : allowed) {
      if (t == type) {
        return r;
      }
    }
    throw new FlyteTypeException("column \"" + schema.column(column).name() + "\" is " + type + "; " + getter
        + " reads " + java.util.Arrays.toString(allowed));
  }
}
