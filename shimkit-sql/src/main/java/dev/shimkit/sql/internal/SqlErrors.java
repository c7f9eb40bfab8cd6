package dev.shimkit.sql.internal;

import dev.shimkit.errors.FlyteException;
import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.FlyteUserException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Classifies JDBC failures for Flyte: a database that cannot be reached, is shutting down, out of resources,
 * busy or in a deadlock is a recoverable SYSTEM error ({@value #UNAVAILABLE}), worth a retry; everything else
 * (syntax, missing table, permission, bad credentials, constraint) is the query author's USER error
 * ({@value #SQL_ERROR}), naming the statement position when the driver gives it. Messages show the statement
 * with its {@code ?} markers, never bound values or connection passwords.
 */
public final class SqlErrors {
  public static final String UNAVAILABLE = "SYSTEM:DatabaseUnavailable";
  public static final String SQL_ERROR = "USER:SQLError";
  private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01", "55P03", "57P01", "57P02", "57P03",
      "57014");

  private SqlErrors() {
  }

  /** The Flyte error for {@code e}, raised while {@code doing} (e.g. "running the query") {@code sql}. */
  public static FlyteException classify(SQLException e, String doing, String sql) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (isConnectionFailure(e, state)) {
      return new FlyteSystemException(UNAVAILABLE, "The database could not be reached while " + doing + ": "
          + e.getMessage() + " (SQL state " + state + "). Flyte may retry the task", e, true);
    }
    if (RETRYABLE_STATES.contains(state) || state.startsWith("53") || isSqliteBusy(e)) {
      return new FlyteSystemException(UNAVAILABLE, "The database was busy or unavailable while " + doing + ": "
          + e.getMessage() + (state.isEmpty() ? "" : " (SQL state " + state + ")") + ". Flyte may retry the task",
          e, true);
    }
    StringBuilder m = new StringBuilder("SQL error while ").append(doing).append(": ").append(firstLine(e));
    if (!state.isEmpty()) {
      m.append(" (SQL state ").append(state).append(')');
    }
    int position = position(e);
    if (sql != null) {
      if (position > 0 && position <= sql.length() + 1) {
        int p = position - 1;
        m.append("\n  at position ").append(position).append(" of the statement: ")
            .append(sql, Math.max(0, p - 40), p).append(">>> ").append(sql, p, Math.min(sql.length(), p + 40));
      }
      m.append("\n  statement: ").append(sql);
    }
    return new FlyteUserException(SQL_ERROR, m.toString(), e);
  }

  private static String firstLine(SQLException e) {
    String msg = String.valueOf(e.getMessage());
    if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
      ServerErrorMessage s = p.getServerErrorMessage();
      msg = s.getSeverity() + ": " + s.getMessage() + (s.getDetail() == null ? "" : " (" + s.getDetail() + ")")
          + (s.getHint() == null ? "" : " Hint: " + s.getHint());
    }
    int nl = msg.indexOf('\n');
    return nl < 0 ? msg : msg.substring(0, nl);
  }

  private static int position(SQLException e) {
    if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
      return p.getServerErrorMessage().getPosition();
    }
    return 0;
  }

  private static boolean isSqliteBusy(SQLException e) {
    if (e instanceof SQLiteException s) {
      SQLiteErrorCode c = s.getResultCode();
      return c != null && (c.name().startsWith("SQLITE_BUSY") || c.name().startsWith("SQLITE_LOCKED")
          || c.name().startsWith("SQLITE_IOERR") || c == SQLiteErrorCode.SQLITE_NOMEM);
    }
    return false;
  }

  private static boolean isConnectionFailure(SQLException e, String state) {
    if (state.startsWith("08")) {
      return true;
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException
          || t instanceof SocketTimeoutException || t instanceof SocketException) {
        return true;
      }
    }
    return false;
  }
}
