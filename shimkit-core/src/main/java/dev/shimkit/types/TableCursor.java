package dev.shimkit.types;

import dev.shimkit.types.internal.ListTableCursor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A forward-only stream of table rows with fixed columns: what a {@link DatasetCodec} writes from (a JDBC
 * result, a generator) and what it reads into. Memory use is the implementation's business; the point of a
 * cursor is that a table of any size passes through with one row in hand.
 *
 * <p>Use: {@code while (cursor.next()) { if (!cursor.isNull(0)) use(cursor.getLong(0)); }}. Typed getters
 * avoid boxing; each accepts the column types it names and throws for others. Getters of primitives must not
 * be called on a null cell. Close it (try-with-resources) to release what it holds.
 */
public interface TableCursor extends AutoCloseable {

  /** The columns, in order; cell indexes are 0-based positions in this list. */
  List<TableColumn> columns();

  /** Moves to the next row; {@code false} when there is none (and stays so). */
  boolean next();

  /** Whether the cell is null. */
  boolean isNull(int column);

  /** A BOOLEAN cell. */
  boolean getBoolean(int column);

  /** An INT64 or INT32 cell. */
  long getLong(int column);

  /** A DOUBLE or FLOAT cell. */
  double getDouble(int column);

  /** A STRING cell, {@code null} when null. */
  String getString(int column);

  /** A BYTES cell, {@code null} when null. */
  byte[] getBytes(int column);

  /** A DATE cell, {@code null} when null. */
  LocalDate getDate(int column);

  /** A TIMESTAMP cell, {@code null} when null. */
  Instant getTimestamp(int column);

  /** Any cell boxed as its column's {@link CellType#javaType()}, {@code null} when null. */
  default Object get(int column) {
    if (isNull(column)) {
      return null;
    }
    return switch (columns().get(column).type()) {
      case BOOLEAN -> getBoolean(column);
      case INT32 -> (int) getLong(column);
      case INT64 -> getLong(column);
      case FLOAT -> (float) getDouble(column);
      case DOUBLE -> getDouble(column);
      case STRING -> getString(column);
      case BYTES -> getBytes(column);
      case DATE -> getDate(column);
      case TIMESTAMP_MICROS, TIMESTAMP_NANOS -> getTimestamp(column);
    };
  }

  /** The current row, boxed. */
  default Object[] toArray() {
    Object[] row = new Object[columns().size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = get(i);
    }
    return row;
  }

  /** Reads every remaining row into memory and closes the cursor: for small tables and tests. */
  default List<Object[]> readAll() {
    try (TableCursor self = this) {
      List<Object[]> rows = new ArrayList<>();
      while (next()) {
        rows.add(toArray());
      }
      return rows;
    }
  }

  /** Releases what the cursor holds (open files, a result set); idempotent. */
  @Override
  void close();

  /**
   * A cursor over rows held in memory, each a boxed value per column of the column's
   * {@link CellType#javaType()} (or {@code null}); other numbers convert when lossless.
   */
  static TableCursor of(List<TableColumn> columns, Iterable<Object[]> rows) {
    return new ListTableCursor(columns, rows);
  }
}
