package dev.shimkit.sql.internal;

import dev.shimkit.errors.FlyteTypeException;
import dev.shimkit.types.CellType;
import dev.shimkit.types.TableColumn;
import dev.shimkit.types.TableCursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A {@link TableCursor} over a JDBC {@link ResultSet}: each row is read into primitive arrays (no boxing for
 * numbers) when the cursor moves. Subclasses decide the column types and how a cell is read; SQL errors
 * surface as classified Flyte errors ({@link SqlErrors}). Closing closes the result set.
 */
abstract class ResultSetCursor implements TableCursor {
  protected final ResultSet rs;
  protected final String sql;
  protected List<TableColumn> columns;
  protected CellType[] types;
  protected long[] longs;
  protected double[] doubles;
  protected Object[] refs;
  protected boolean[] present;
  protected long rowIndex = -1;
  private boolean done;

  ResultSetCursor(ResultSet rs, String sql) {
    this.rs = rs;
    this.sql = sql;
  }

  protected void setColumns(List<TableColumn> cols) {
    this.columns = List.copyOf(cols);
    int n = cols.size();
    types = new CellType[n];
    for (int i = 0; i < n; i++) {
      types[i] = cols.get(i).type();
    }
    longs = new long[n];
    doubles = new double[n];
    refs = new Object[n];
    present = new boolean[n];
  }

  /** Reads the next row into the arrays; false at the end. */
  protected abstract boolean advance() throws SQLException;

  @Override
  public List<TableColumn> columns() {
    return columns;
  }

  @Override
  public boolean next() {
    if (done) {
      return false;
    }
    try {
      if (advance()) {
        rowIndex++;
        return true;
      }
      done = true;
      return false;
    } catch (SQLException e) {
      throw SqlErrors.classify(e, "reading row " + (rowIndex + 1) + " of the result", sql);
    }
  }

  @Override
  public boolean isNull(int column) {
    return !present[column];
  }

  @Override
  public boolean getBoolean(int column) {
    return longs[column] != 0;
  }

  @Override
  public long getLong(int column) {
    return longs[column];
  }

  @Override
  public double getDouble(int column) {
    return doubles[column];
  }

  @Override
  public String getString(int column) {
    return present[column] ? (String) refs[column] : null;
  }

  @Override
  public byte[] getBytes(int column) {
    return present[column] ? (byte[]) refs[column] : null;
  }

  @Override
  public LocalDate getDate(int column) {
    return present[column] ? (LocalDate) refs[column] : null;
  }

  @Override
  public Instant getTimestamp(int column) {
    return present[column] ? (Instant) refs[column] : null;
  }

  @Override
  public void close() {
    done = true;
    try {
      rs.close();
    } catch (SQLException ignored) {
      // closing a result set we are done with cannot fail in a way that matters
    }
  }

  protected FlyteTypeException cellError(int column, String found, String advice) {
    TableColumn c = columns.get(column);
    // called while the row is being read, before rowIndex moves on to it
    return new FlyteTypeException("Result row " + (rowIndex + 1) + ", column \"" + c.name() + "\" holds " + found
        + " but the column was typed " + c.type() + " from its declared type and earlier rows. " + advice);
  }
}
