package dev.shimkit.sql.internal;

import dev.shimkit.types.CellType;
import dev.shimkit.types.TableColumn;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
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
 */
final class SqliteRowCursor extends ResultSetCursor {
  static final int LOOKAHEAD = 1000;
  private final Deque<Object[]> buffer = new ArrayDeque<>();
  private final int n;

  SqliteRowCursor(ResultSet rs, String sql) throws SQLException {
    super(rs, sql);
    ResultSetMetaData md = rs.getMetaData();
    n = md.getColumnCount();
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
      put(i, rs.getObject(i + 1));
    }
    return true;
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
