package dev.shimkit.sql.internal;

import dev.shimkit.types.CellType;
import dev.shimkit.types.TableColumn;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Rows of a SQLite result. SQLite types values, not columns, so a column's type comes from the values of the
 * first {@value #LOOKAHEAD} rows (buffered), falling back to the declared type's affinity when they are all
 * NULL: only INTEGER values → INT64; INTEGER and REAL → DOUBLE; any TEXT → STRING (numbers as text);
 * only BLOB → BYTES; all NULL → by declared type ({@code INT} → INT64, {@code REAL/FLOA/DOUB} → DOUBLE,
 * {@code BLOB} → BYTES, else STRING). A later value that does not fit (a REAL in an INT64 column, a BLOB in
 * a STRING column) is an error that says which CAST fixes it; nothing is converted with loss.
 *
 * <p>Rows after the look-ahead are read cell by cell with the storage class from {@link SqliteCells} and the
 * one typed getter it calls for ({@code getLong}, {@code getDouble}, {@code getBytes}): no boxing, the same
 * results and errors as the look-ahead's {@code getObject}.
 */
final class SqliteRowCursor extends ResultSetCursor {
  static final int LOOKAHEAD = 1000;
  private final Deque<Object[]> buffer = new ArrayDeque<>();
  private final int n;
  private final SqliteCells cells;
  private final boolean utf8;

  SqliteRowCursor(ResultSet rs, String sql) throws SQLException {
    super(rs, sql);
    ResultSetMetaData md = rs.getMetaData();
    n = md.getColumnCount();
    cells = new SqliteCells(rs, n);
    utf8 = isUtf8(rs);
    List<String> names = new ArrayList<>(n);
    List<String> declared = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      names.add(md.getColumnLabel(i));
      declared.add(declaredType(md, i));
    }
    boolean[] seenInt = new boolean[n];
    boolean[] seenReal = new boolean[n];
    boolean[] seenText = new boolean[n];
    boolean[] seenBlob = new boolean[n];
    while (buffer.size() < LOOKAHEAD && rs.next()) {
      Object[] row = new Object[n];
      for (int i = 0; i < n; i++) {
        Object v = rs.getObject(i + 1);
        row[i] = v;
        if (v instanceof Integer || v instanceof Long) {
          seenInt[i] = true;
        } else if (v instanceof Double) {
          seenReal[i] = true;
        } else if (v instanceof String) {
          seenText[i] = true;
        } else if (v instanceof byte[]) {
          seenBlob[i] = true;
        }
      }
      buffer.add(row);
    }
    List<TableColumn> cols = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      CellType t;
      if (seenText[i]) {
        t = CellType.STRING;
      } else if (seenBlob[i]) {
        t = seenInt[i] || seenReal[i] ? CellType.STRING : CellType.BYTES;
      } else if (seenReal[i]) {
        t = CellType.DOUBLE;
      } else if (seenInt[i]) {
        t = CellType.INT64;
      } else {
        t = byAffinity(declared.get(i));
      }
      cols.add(TableColumn.of(names.get(i), t));
    }
    setColumns(cols);
  }

  /** Whether the database stores text as UTF-8 (the default; {@code PRAGMA encoding} may say UTF-16). */
  private static boolean isUtf8(ResultSet rs) throws SQLException {
    try (Statement s = rs.getStatement().getConnection().createStatement();
         ResultSet r = s.executeQuery("PRAGMA encoding")) {
      return r.next() && "UTF-8".equalsIgnoreCase(r.getString(1));
    }
  }

  private static String declaredType(ResultSetMetaData md, int i) {
    try {
      String t = md.getColumnTypeName(i);
      return t == null ? "" : t.toUpperCase(Locale.ROOT);
    } catch (SQLException e) {
      return "";
    }
  }

  /** SQLite's affinity rules (datatype3 §3.1) for a column whose values are all NULL. */
  static CellType byAffinity(String declared) {
    if (declared.contains("INT")) {
      return CellType.INT64;
    }
    if (declared.contains("CHAR") || declared.contains("CLOB") || declared.contains("TEXT")) {
      return CellType.STRING;
    }
    if (declared.contains("BLOB")) {
      return CellType.BYTES;
    }
    if (declared.contains("REAL") || declared.contains("FLOA") || declared.contains("DOUB")) {
      return CellType.DOUBLE;
    }
    return CellType.STRING;
  }

  @Override
  protected boolean advance() throws SQLException {
    Object[] row = buffer.poll();
    if (row != null) {
      for (int i = 0; i < n; i++) {
        put(i, row[i]);
      }
      return true;
    }
    if (!rs.next()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      read(i);
    }
    return true;
  }

  /** Reads cell {@code i} of the current row with the typed getter its storage class and column type call for. */
  private void read(int i) throws SQLException {
    int c = i + 1;
    int storage = cells.storageClass(i);
    if (storage == SqliteCells.NULL) {
      present[i] = false;
      refs[i] = null;
      return;
    }
    present[i] = true;
    switch (types[i]) {
      case INT64 -> {
        if (storage != SqliteCells.INTEGER) {
          throw mismatch(i, storage);
        }
        longs[i] = rs.getLong(c);
      }
      case DOUBLE -> {
        if (storage == SqliteCells.INTEGER) {
          doubles[i] = rs.getLong(c);
        } else if (storage == SqliteCells.REAL) {
          doubles[i] = rs.getDouble(c);
        } else {
          throw mismatch(i, storage);
        }
      }
      case STRING -> refs[i] = switch (storage) {
        case SqliteCells.TEXT -> text(c);
        case SqliteCells.INTEGER -> Long.toString(rs.getLong(c));
        case SqliteCells.REAL -> Double.toString(rs.getDouble(c));
        default -> throw mismatch(i, storage);
      };
      case BYTES -> {
        if (storage == SqliteCells.BLOB) {
          refs[i] = rs.getBytes(c);
        } else if (storage == SqliteCells.TEXT) {
          refs[i] = utf8 ? rs.getBytes(c) : rs.getString(c).getBytes(StandardCharsets.UTF_8);
        } else {
          throw mismatch(i, storage);
        }
      }
      default -> throw new IllegalStateException("unexpected SQLite column type " + types[i]);
    }
  }

  /**
   * A TEXT cell. In a UTF-8 database the driver's {@code getBytes} hands over the stored bytes as they are, which
   * is cheaper than its {@code getString} (a direct buffer per call); both decode malformed input alike.
   */
  private String text(int c) throws SQLException {
    return utf8 ? new String(rs.getBytes(c), StandardCharsets.UTF_8) : rs.getString(c);
  }

  /** The error for a value of the wrong storage class, worded as for values read in the look-ahead. */
  private RuntimeException mismatch(int i, int storage) throws SQLException {
    put(i, rs.getObject(i + 1));
    return new IllegalStateException("storage class " + storage + " fits column type " + types[i]);
  }

  private void put(int i, Object v) {
    if (v == null) {
      present[i] = false;
      refs[i] = null;
      return;
    }
    present[i] = true;
    switch (types[i]) {
      case INT64 -> {
        if (v instanceof Integer || v instanceof Long) {
          longs[i] = ((Number) v).longValue();
        } else {
          throw cellError(i, describe(v), "Cast the column in the query, e.g. CAST(" + quoted(i) + " AS REAL)"
              + " or CAST(" + quoted(i) + " AS TEXT), so that every row has one type");
        }
      }
      case DOUBLE -> {
        if (v instanceof Number num) {
          doubles[i] = num.doubleValue();
        } else {
          throw cellError(i, describe(v), "Cast the column in the query, e.g. CAST(" + quoted(i) + " AS TEXT)");
        }
      }
      case STRING -> {
        if (v instanceof byte[]) {
          throw cellError(i, describe(v), "Cast the column in the query, e.g. CAST(" + quoted(i) + " AS BLOB)"
              + " or hex(" + quoted(i) + ")");
        }
        refs[i] = v.toString();
      }
      case BYTES -> {
        if (v instanceof byte[]) {
          refs[i] = v;
        } else if (v instanceof String s) {
          refs[i] = s.getBytes(StandardCharsets.UTF_8);
        } else {
          throw cellError(i, describe(v), "Cast the column in the query, e.g. CAST(" + quoted(i) + " AS BLOB)");
        }
      }
      default -> throw new IllegalStateException("unexpected SQLite column type " + types[i]);
    }
  }

  private String quoted(int i) {
    return "\"" + columns.get(i).name().replace("\"", "\"\"") + "\"";
  }

  private static String describe(Object v) {
    if (v instanceof byte[] b) {
      return "a BLOB of " + b.length + " bytes";
    }
    if (v instanceof String) {
      return "TEXT";
    }
    return (v instanceof Double ? "the REAL " : "the INTEGER ") + v;
  }
}
