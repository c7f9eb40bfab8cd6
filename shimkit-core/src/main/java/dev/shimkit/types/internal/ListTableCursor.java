package dev.shimkit.types.internal;

import dev.shimkit.errors.FlyteTypeException;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.types.CellType;
import dev.shimkit.types.TableColumn;
import dev.shimkit.types.TableCursor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** {@link TableCursor#of}: rows held in memory as boxed values, checked against the columns as they are read. */
public final class ListTableCursor implements TableCursor {
  private final List<TableColumn> columns;
  private final Iterator<Object[]> rows;
  private Object[] row;
  private long index = -1;

  public ListTableCursor(List<TableColumn> columns, Iterable<Object[]> rows) {
    Objects.requireNonNull(rows, "rows");
    if (columns == null || columns.isEmpty()) {
      throw new FlyteUserException("a table needs at least one column");
    }
    Set<String> names = new HashSet<>();
    for (TableColumn c : columns) {
      if (!names.add(c.name())) {
        throw new FlyteUserException("table column name \"" + c.name() + "\" is used twice; names must be unique");
      }
    }
    this.columns = List.copyOf(columns);
    this.rows = rows.iterator();
  }

  @Override
  public List<TableColumn> columns() {
    return columns;
  }

  @Override
  public boolean next() {
    if (!rows.hasNext()) {
      row = null;
      return false;
    }
    Object[] next = rows.next();
    index++;
    if (next == null || next.length != columns.size()) {
      throw new FlyteUserException("row " + index + " has " + (next == null ? 0 : next.length)
          + " values but the table has " + columns.size() + " columns " + columns);
    }
    row = next;
    return true;
  }

  @Override
  public boolean isNull(int column) {
    return cell(column) == null;
  }

  @Override
  public boolean getBoolean(int column) {
    return (Boolean) typed(column, Boolean.class, CellType.BOOLEAN);
  }

  @Override
  public long getLong(int column) {
    Object v = typed(column, Number.class, CellType.INT64, CellType.INT32);
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    throw mismatch(column, v);
  }

  @Override
  public double getDouble(int column) {
    Object v = typed(column, Number.class, CellType.DOUBLE, CellType.FLOAT);
    if (v instanceof Double || v instanceof Float) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof Long || v instanceof Integer) {
      long l = ((Number) v).longValue();
      if ((long) (double) l == l) {
        return l;
      }
    }
    throw mismatch(column, v);
  }

  @Override
  public String getString(int column) {
    return (String) nullable(column, String.class, CellType.STRING);
  }

  @Override
  public byte[] getBytes(int column) {
    return (byte[]) nullable(column, byte[].class, CellType.BYTES);
  }

  @Override
  public LocalDate getDate(int column) {
    return (LocalDate) nullable(column, LocalDate.class, CellType.DATE);
  }

  @Override
  public Instant getTimestamp(int column) {
    return (Instant) nullable(column, Instant.class, CellType.TIMESTAMP_MICROS, CellType.TIMESTAMP_NANOS);
  }

  @Override
  public void close() {
    row = null;
  }

  private Object cell(int column) {
    if (row == null) {
      throw new IllegalStateException("no current row: call next() first and only while it returns true");
    }
    if (column < 0 || column >= columns.size()) {
      throw new FlyteUserException("column index " + column + " is out of range; the table has " + columns.size()
          + " columns " + columns);
    }
    return row[column];
  }

  private Object nullable(int column, Class<?> type, CellType... allowed) {
    Object v = cell(column);
    return v == null ? null : typed(column, type, allowed);
  }

  private Object typed(int column, Class<?> type, CellType... allowed) {
    Object v = cell(column);
    TableColumn c = columns.get(column);
    boolean ok = false;
    for (CellType t : allowed) {
      ok |= t == c.type();
    }
    if (!ok) {
      throw new FlyteTypeException("column \"" + c.name() + "\" is " + c.type() + "; it cannot be read as "
          + List.of(allowed));
    }
    if (v == null) {
      throw new FlyteTypeException("column \"" + c.name() + "\" is null at row " + index
          + "; check isNull(" + column + ") first");
    }
    if (!type.isInstance(v)) {
      throw mismatch(column, v);
    }
    return v;
  }

  private FlyteTypeException mismatch(int column, Object v) {
    TableColumn c = columns.get(column);
    return new FlyteTypeException("row " + index + ", column \"" + c.name() + "\" (" + c.type() + ") holds a "
        + v.getClass().getSimpleName() + " (" + v + "); give a " + c.type().javaType().getSimpleName());
  }
}
