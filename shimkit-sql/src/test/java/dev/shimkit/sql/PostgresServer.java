package dev.shimkit.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL server the tests use: {@code SHIMKIT_PG_URL}, {@code SHIMKIT_PG_USER},
 * {@code SHIMKIT_PG_PASSWORD} (defaults as {@code .ci/services.sh} sets them up). Unreachable: the tests fail
 * in CI ({@code CI=true}) and are skipped, with a visible message, elsewhere.
 */
final class PostgresServer {
  static final String URL = env("SHIMKIT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/shimkit_test");
  static final String USER = env("SHIMKIT_PG_USER", "shimkit");
  static final String PASSWORD = env("SHIMKIT_PG_PASSWORD", "shimkit-test-Pw-8d41");

  private PostgresServer() {
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  static Connection connect() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", USER);
    p.setProperty("password", PASSWORD);
    p.setProperty("connectTimeout", "5");
    return DriverManager.getConnection(URL, p);
  }

  /** Creates a fresh schema with test data and returns its name; fails or skips when there is no server. */
  static String freshSchema() {
    String schema = "shimkit_t" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("create schema " + schema);
      s.execute("set search_path to " + schema);
      s.execute("create table items(id bigint primary key, name text, price numeric(10,2), qty int, ratio float8,"
          + " ok boolean, day date, at timestamptz, data bytea, big numeric, tiny smallint)");
      s.execute("insert into items values"
          + " (1, 'apple', 1.25, 10, 0.5, true, date '2024-01-02', timestamptz '2024-01-02 03:04:05.123456+00',"
          + "  '\\x00ff'::bytea, 12345678901234567890.5, 7),"
          + " (2, 'O''Brien', null, 3, null, false, null, null, null, null, null),"
          + " (3, null, 99.99, 20, -1.5, null, date '1999-12-31', timestamptz '1999-12-31 23:59:59+02', ''::bytea,"
          + "  0, -1)");
      return schema;
    } catch (SQLException e) {
      String msg = "No PostgreSQL server reachable at " + URL + " as " + USER + ": " + e.getMessage();
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(msg + " (CI must start it: .ci/services.sh)");
      }
      System.err.println("SKIPPED PostgreSQL tests: " + msg);
      Assumptions.abort(msg);
      return null;
    }
  }

  static void drop(String schema) {
    if (schema == null) {
      return;
    }
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + schema + " cascade");
    } catch (SQLException e) {
      System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
    }
  }

  static long count(String schema, String table) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement();
         var rs = s.executeQuery("select count(*) from " + schema + "." + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
