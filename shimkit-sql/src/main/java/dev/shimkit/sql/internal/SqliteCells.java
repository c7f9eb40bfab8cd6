package dev.shimkit.sql.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.core.Codes;
import org.sqlite.core.CoreStatement;
import org.sqlite.core.SafeStmtPtr;

/**
 * The storage class (INTEGER, REAL, TEXT, BLOB, NULL) of a cell in the current row of a sqlite-jdbc result,
 * asked of SQLite itself ({@code sqlite3_column_type}) through the driver's statement pointer. JDBC has no
 * call for it: {@code getObject} answers it by boxing the value, {@code wasNull} only tells NULL. Reading the
 * class first lets the cursor call the one typed getter that fits, without boxing, and still refuse a value
 * of the wrong class instead of letting the driver convert it.
 */
final class SqliteCells {
  static final int INTEGER = Codes.SQLITE_INTEGER;
  static final int REAL = Codes.SQLITE_FLOAT;
  static final int TEXT = Codes.SQLITE_TEXT;
  static final int BLOB = Codes.SQLITE_BLOB;
  static final int NULL = Codes.SQLITE_NULL;

  private final SafeStmtPtr pointer;
  private final SafeStmtPtr.SafePtrIntFunction<SQLException>[] typeOf;

  @SuppressWarnings("unchecked")
  SqliteCells(ResultSet rs, int columns) throws SQLException {
    Statement statement = rs.getStatement();
    if (!(statement instanceof CoreStatement core)) {
      throw new IllegalStateException("a SQLite result must come from the sqlite-jdbc driver, not "
          + (statement == null ? "no statement" : statement.getClass().getName()));
    }
    pointer = core.pointer;
    typeOf = new SafeStmtPtr.SafePtrIntFunction[columns];
    for (int i = 0; i < columns; i++) {
      int column = i;
      typeOf[i] = (db, ptr) -> db.column_type(ptr, column);
    }
  }

  /** The storage class of 0-based {@code column} in the current row: one of the constants above. */
  int storageClass(int column) throws SQLException {
    return pointer.safeRunInt(typeOf[column]);
  }
}
