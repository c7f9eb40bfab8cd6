package dev.shimkit.sql.internal;

import dev.shimkit.types.CellType;
import dev.shimkit.types.TableColumn;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rows of a result from a typed database (PostgreSQL and other JDBC drivers), typed by the result's metadata:
 * booleans → BOOLEAN; all integer types, and NUMERIC/DECIMAL with scale 0 and at most 18 digits → INT64;
 * REAL/FLOAT/DOUBLE → DOUBLE; other NUMERIC/DECIMAL → STRING (its exact plain text: cast to a float type in
 * the query for a number); character types → STRING; binary types → BYTES; DATE → DATE; TIMESTAMP (read as
 * UTC) and TIMESTAMP WITH TIME ZONE → TIMESTAMP_MICROS; anything else (time, interval, uuid, json, arrays,
 * ...) → STRING as the driver renders it.
 */
final class JdbcRowCursor extends ResultSetCursor {
  private enum Reader { BOOL, LONG, DOUBLE, DECIMAL, STRING, BYTES, DATE, TIMESTAMP, TIMESTAMPTZ }

  private final Reader[] readers;

  JdbcRowCursor(ResultSet rs, String sql) throws SQLException {
    super(rs, sql);
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    readers = new Reader[n];
    List<TableColumn> cols = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      readers[i] = readerFor(md, i + 1);
      cols.add(TableColumn.of(md.getColumnLabel(i + 1), cellType(readers[i])));
    }
    setColumns(cols);
  }

  private static Reader readerFor(ResultSetMetaData md, int col) throws SQLException {
    String typeName = String.valueOf(md.getColumnTypeName(col)).toLowerCase(Locale.ROOT);
    return switch (md.getColumnType(col)) {
      case Types.BOOLEAN, Types.BIT -> md.getPrecision(col) > 1 ? Reader.STRING : Reader.BOOL;
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Reader.LONG;
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> Reader.DOUBLE;
      case Types.NUMERIC, Types.DECIMAL -> md.getScale(col) == 0 && md.getPrecision(col) > 0
          && md.getPrecision(col) <= 18 ? Reader.LONG : Reader.DECIMAL;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Reader.BYTES;
      case Types.DATE -> Reader.DATE;
      case Types.TIMESTAMP -> typeName.equals("timestamptz") ? Reader.TIMESTAMPTZ : Reader.TIMESTAMP;
      case Types.TIMESTAMP_WITH_TIMEZONE -> Reader.TIMESTAMPTZ;
      default -> Reader.STRING;
    };
  }

  private static CellType cellType(Reader r) {
    return switch (r) {
      case BOOL -> CellType.BOOLEAN;
      case LONG -> CellType.INT64;
      case DOUBLE -> CellType.DOUBLE;
      case DECIMAL, STRING -> CellType.STRING;
      case BYTES -> CellType.BYTES;
      case DATE -> CellType.DATE;
      case TIMESTAMP, TIMESTAMPTZ -> CellType.TIMESTAMP_MICROS;
    };
  }

  @Override
  protected boolean advance() throws SQLException {
    if (!rs.next()) {
      return false;
    }
    for (int i = 0; i < readers.length; i++) {
      int c = i + 1;
      switch (readers[i]) {
        case BOOL -> {
          longs[i] = rs.getBoolean(c) ? 1 : 0;
          present[i] = !rs.wasNull();
        }
        case LONG -> {
          longs[i] = rs.getLong(c);
          present[i] = !rs.wasNull();
        }
        case DOUBLE -> {
          doubles[i] = rs.getDouble(c);
          present[i] = !rs.wasNull();
        }
        case DECIMAL -> {
          BigDecimal d = rs.getBigDecimal(c);
          ref(i, d == null ? null : d.toPlainString());
        }
        case STRING -> ref(i, rs.getString(c));
        case BYTES -> ref(i, rs.getBytes(c));
        case DATE -> ref(i, rs.getObject(c, LocalDate.class));
        case TIMESTAMP -> {
          LocalDateTime t = rs.getObject(c, LocalDateTime.class);
          ref(i, t == null ? null : t.toInstant(ZoneOffset.UTC));
        }
        case TIMESTAMPTZ -> {
          OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
          ref(i, t == null ? null : t.toInstant());
        }
      }
    }
    return true;
  }

  private void ref(int i, Object v) {
    refs[i] = v;
    present[i] = v != null;
  }
}
