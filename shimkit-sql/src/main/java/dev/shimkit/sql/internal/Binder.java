package dev.shimkit.sql.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Binds input values to {@code ?} parameters. Numbers, booleans and strings bind as themselves everywhere.
 * SQLite has no date type: a datetime binds as its UTC text {@code yyyy-MM-dd HH:mm:ss[.ffffff]} (what
 * SQLite's date functions write) and a duration as Python's text. Other databases get a datetime as
 * {@code TIMESTAMP WITH TIME ZONE} (UTC) and a duration as ISO-8601 text of unspecified type (an interval in
 * PostgreSQL).
 */
public enum Binder {
  SQLITE, STANDARD;

  public void bind(PreparedStatement ps, List<Object> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      int index = i + 1;
      if (v instanceof Long l) {
        ps.setLong(index, l);
      } else if (v instanceof Integer n) {
        ps.setLong(index, n);
      } else if (v instanceof Double d) {
        ps.setDouble(index, d);
      } else if (v instanceof Float f) {
        ps.setDouble(index, f);
      } else if (v instanceof Boolean b) {
        ps.setBoolean(index, b);
      } else if (v instanceof String s) {
        ps.setString(index, s);
      } else if (v instanceof Instant t) {
        if (this == SQLITE) {
          ps.setString(index, PyText.datetime(t));
        } else {
          ps.setObject(index, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        }
      } else if (v instanceof Duration d) {
        if (this == SQLITE) {
          ps.setString(index, PyText.str(d));
        } else {
          ps.setObject(index, d.toString(), Types.OTHER);
        }
      } else {
        throw new IllegalArgumentException("cannot bind a " + (v == null ? "null" : v.getClass().getName()));
      }
    }
  }
}
