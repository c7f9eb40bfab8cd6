package dev.shimkit.parquet;

import dev.shimkit.errors.FlyteException;
import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.parquet.internal.Cells;
import dev.shimkit.parquet.internal.PartFiles;
import dev.shimkit.parquet.internal.PartWriter;
import dev.shimkit.parquet.internal.RowBuffer;
import dev.shimkit.parquet.internal.StagingDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams rows into a parquet dataset: a directory of part files {@code 00000}, {@code 00001}, ... as flytekit
 * writes them. Memory stays bounded (about one row group); a new part starts per {@link WriteOptions}.
 *
 * <p>Fill a row with the typed setters (no boxing) or {@link #set}, then {@link #endRow()}; cells left unset
 * are null. {@link #writeRow} does both for a whole row. {@link #commit()} publishes the dataset in one
 * rename; {@link #close()} without a commit, or any exception thrown by this writer, discards everything
 * written so far, so a failure never leaves a partial dataset. Use it like a transaction:
 *
 * <pre>{@code
 * try (ParquetDatasetWriter w = ParquetDatasetWriter.open(dir, schema)) {
 *   while (rs.next()) { w.setLong(0, rs.getLong(1)).setString(1, rs.getString(2)).endRow(); }
 *   summary = w.commit();
 * }
 * }</pre>
 *
 * <p>A dataset without rows is one part file holding the schema, as pyarrow writes it. Not thread-safe.
 */
public final class ParquetDatasetWriter implements AutoCloseable {
  private static final int SIZE_CHECK_INTERVAL = 128;

  private enum State { OPEN, COMMITTED, DISCARDED }

  private final TableSchema schema;
  private final WriteOptions options;
  private final StagingDirectory staging;
  private final RowBuffer row;
  private final List<String> partNames = new ArrayList<>();
  private PartWriter part;
  private long rows;
  private State state = State.OPEN;
  private Throwable failure;

  private ParquetDatasetWriter(TableSchema schema, WriteOptions options, StagingDirectory staging) {
    this.schema = schema;
    this.options = options;
    this.staging = staging;
    this.row = new RowBuffer(schema.size());
  }

  /** Starts a dataset in {@code directory}, which must not exist or be empty; default options. */
  public static ParquetDatasetWriter open(Path directory, TableSchema schema) {
    return open(directory, schema, WriteOptions.defaults());
  }

  /** Starts a dataset in {@code directory}, which must not exist or be empty. */
  public static ParquetDatasetWriter open(Path directory, TableSchema schema, WriteOptions options) {
    if (directory == null || schema == null || options == null) {
      throw new FlyteUserException("ParquetDatasetWriter.open needs a directory, a schema and options (got null)");
    }
    return new ParquetDatasetWriter(schema, options, StagingDirectory.create(directory));
  }

  public TableSchema schema() {
    return schema;
  }

  /** Rows ended so far. */
  public long rowCount() {
    return rows;
  }

  public ParquetDatasetWriter setNull(int column) {
    checkColumn(column);
    row.present[column] = false;
    row.refs[column] = null;
    return this;
  }

  public ParquetDatasetWriter setBoolean(int column, boolean value) {
    return setLongCell(column, ColumnType.BOOLEAN, value ? 1 : 0, "setBoolean");
  }

  /** Sets an INT32 or INT64 cell. */
  public ParquetDatasetWriter setInt(int column, int value) {
    Column c = checkColumn(column);
    if (c.type() != ColumnType.INT32 && c.type() != ColumnType.INT64) {
      throw fail(Cells.mismatch(c, rows, "setInt"));
    }
    row.longs[column] = value;
    row.present[column] = true;
    return this;
  }

  /** Sets an INT64 cell, or an INT32 cell when the value fits in 32 bits. */
  public ParquetDatasetWriter setLong(int column, long value) {
    Column c = checkColumn(column);
    if (c.type() == ColumnType.INT32) {
      try {
        Cells.toInt(c, rows, value);
      } catch (FlyteException e) {
        throw fail(e);
      }
    } else if (c.type() != ColumnType.INT64) {
      throw fail(Cells.mismatch(c, rows, "setLong"));
    }
    row.longs[column] = value;
    row.present[column] = true;
    return this;
  }

  public ParquetDatasetWriter setFloat(int column, float value) {
    Column c = checkColumn(column);
    if (c.type() != ColumnType.FLOAT && c.type() != ColumnType.DOUBLE) {
      throw fail(Cells.mismatch(c, rows, "setFloat"));
    }
    row.doubles[column] = value;
    row.present[column] = true;
    return this;
  }

  public ParquetDatasetWriter setDouble(int column, double value) {
    Column c = checkColumn(column);
    if (c.type() != ColumnType.DOUBLE) {
      throw fail(Cells.mismatch(c, rows, "setDouble"));
    }
    row.doubles[column] = value;
    row.present[column] = true;
    return this;
  }

  /** Sets a STRING cell; {@code null} sets null. */
  public ParquetDatasetWriter setString(int column, String value) {
    return setRef(column, ColumnType.STRING, value, "setString");
  }

  /** Sets a BYTES cell; the array is read when the row ends, so do not change it before {@link #endRow()}. */
  public ParquetDatasetWriter setBytes(int column, byte[] value) {
    return setRef(column, ColumnType.BYTES, value, "setBytes");
  }

  public ParquetDatasetWriter setDate(int column, LocalDate value) {
    return setObject(column, ColumnType.DATE, value, "setDate");
  }

  /** Sets a TIMESTAMP_MICROS or TIMESTAMP_NANOS cell. */
  public ParquetDatasetWriter setTimestamp(int column, Instant value) {
    Column c = checkColumn(column);
    if (c.type() != ColumnType.TIMESTAMP_MICROS && c.type() != ColumnType.TIMESTAMP_NANOS) {
      throw fail(Cells.mismatch(c, rows, "setTimestamp"));
    }
    return set(column, value);
  }

  /** Sets a cell from a boxed value of the column's {@link ColumnType#javaType()} (or a lossless equivalent). */
  public ParquetDatasetWriter set(int column, Object value) {
    Column c = checkColumn(column);
    try {
      Cells.set(row, column, c, value, rows);
    } catch (FlyteException e) {
      throw fail(e);
    }
    return this;
  }

  /** Sets every cell of a row, in schema order, and ends it. */
  public void writeRow(Object... values) {
    checkOpen();
    if (values == null || values.length != schema.size()) {
      throw fail(new FlyteUserException("row " + rows + " has " + (values == null ? 0 : values.length)
          + " values but the dataset has " + schema.size() + " columns " + schema));
    }
    for (int i = 0; i < values.length; i++) {
      set(i, values[i]);
    }
    endRow();
  }

  /** Writes the row set so far and starts the next one (all cells null). */
  public void endRow() {
    checkOpen();
    try {
      if (part == null) {
        part = newPart();
      }
      part.write(row);
      rows++;
      row.clear();
      if (part.rows() >= options.maxRowsPerPart()
          || (part.rows() % SIZE_CHECK_INTERVAL == 0 && part.dataSize() >= options.maxBytesPerPart())) {
        PartWriter full = part;
        part = null;
        full.close();
      }
    } catch (IOException | RuntimeException e) {
      throw fail(e instanceof FlyteException f ? f
          : new FlyteSystemException("writing row " + rows + " of parquet dataset " + staging.target()
          + " failed: " + e, e));
    }
  }

  /** Finishes the last part file and moves the dataset into its directory; the writer is done afterwards. */
  public DatasetSummary commit() {
    checkOpen();
    try {
      if (partNames.isEmpty()) {
        part = newPart();
      }
      if (part != null) {
        PartWriter last = part;
        part = null;
        last.close();
      }
      List<Path> files = staging.commit(partNames);
      long bytes = 0;
      for (Path f : files) {
        bytes += Files.size(f);
      }
      state = State.COMMITTED;
      return new DatasetSummary(staging.target(), files, rows, bytes);
    } catch (IOException | RuntimeException e) {
      throw fail(e instanceof FlyteException f ? f
          : new FlyteSystemException("finishing parquet dataset " + staging.target() + " failed: " + e, e));
    }
  }

  /** Discards everything written; nothing of the dataset remains. Does nothing after a commit. */
  public void abort() {
    if (state != State.OPEN) {
      return;
    }
    state = State.DISCARDED;
    if (part != null) {
      try {
        part.close();
      } catch (IOException | RuntimeException e) {
        // the file is deleted with the staging directory anyway
      }
      part = null;
    }
    staging.discard();
  }

  /** Aborts unless {@link #commit()} succeeded. */
  @Override
  public void close() {
    abort();
  }

  private PartWriter newPart() throws IOException {
    String name = PartFiles.partName(partNames.size());
    partNames.add(name);
    return new PartWriter(staging.file(name), schema, options);
  }

  private ParquetDatasetWriter setLongCell(int column, ColumnType type, long value, String setter) {
    Column c = checkColumn(column);
    if (c.type() != type) {
      throw fail(Cells.mismatch(c, rows, setter));
    }
    row.longs[column] = value;
    row.present[column] = true;
    return this;
  }

  private ParquetDatasetWriter setRef(int column, ColumnType type, Object value, String setter) {
    Column c = checkColumn(column);
    if (c.type() != type) {
      throw fail(Cells.mismatch(c, rows, setter));
    }
    row.refs[column] = value;
    row.present[column] = value != null;
    return this;
  }

  private ParquetDatasetWriter setObject(int column, ColumnType type, Object value, String setter) {
    Column c = checkColumn(column);
    if (c.type() != type) {
      throw fail(Cells.mismatch(c, rows, setter));
    }
    return set(column, value);
  }

  private Column checkColumn(int column) {
    checkOpen();
    if (column < 0 || column >= schema.size()) {
      throw fail(new FlyteUserException("column index " + column + " is out of range; the dataset has "
          + schema.size() + " columns " + schema));
    }
    return schema.column(column);
  }

  private void checkOpen() {
    if (state == State.COMMITTED) {
      throw new FlyteUserException("parquet dataset " + staging.target() + " is already committed");
    }
    if (state == State.DISCARDED) {
      throw new FlyteUserException("parquet dataset writer for " + staging.target() + " was discarded"
          + (failure == null ? "" : " after an error: " + failure.getMessage()), failure);
    }
  }

  /** Discards the dataset and returns the error to throw. */
  private FlyteException fail(FlyteException error) {
    failure = error;
    abort();
    return error;
  }
}
