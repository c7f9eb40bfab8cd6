package dev.shimkit.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteTypeException;
import dev.shimkit.types.TableCursor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prefetching cursor gives the source cursor's rows in order, its errors after the rows before them, and stops early. */
class PrefetchingCursorTest {
  private static final int ROWS = PrefetchingCursor.BATCH * PrefetchingCursor.BATCHES * 2 + 17;
  @TempDir
  Path dir;

  private Connection database() throws Exception {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
    try (Statement s = c.createStatement()) {
      s.execute("create table t(id, name, score, payload)");
      s.execute("with recursive r(i) as (select 0 union all select i + 1 from r where i + 1 < " + ROWS + ") "
          + "insert into t select i, case when i % 7 = 0 then null else 'n' || i end, i * 0.25,"
          + " case when i % 5 = 0 then null else x'01ff' end from r");
    }
    return c;
  }

  private static List<Object[]> drain(TableCursor cursor, List<Object[]> into) {
    while (cursor.next()) {
      into.add(cursor.toArray());
    }
    return into;
  }

  @Test
  void sameRowsInTheSameOrderAsTheSource() throws Exception {
    try (Connection c = database()) {
      List<Object[]> direct;
      List<Object[]> prefetched;
      String sql = "select id, name, score, payload from t order by id";
      try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery();
           TableCursor cursor = new SqliteRowCursor(rs, sql)) {
        direct = drain(cursor, new ArrayList<>());
      }
      try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery();
           TableCursor cursor = new PrefetchingCursor(new SqliteRowCursor(rs, sql))) {
        prefetched = drain(cursor, new ArrayList<>());
        assertThat(cursor.next()).isFalse();
      }
      assertThat(prefetched).hasSize(ROWS);
      for (int i = 0; i < ROWS; i++) {
        assertThat(prefetched.get(i)).as("row %d", i).containsExactly(direct.get(i));
      }
      assertThat(prefetched.get(7)).containsExactly(7L, null, 1.75, new byte[] {1, (byte) 0xff});
      assertThat(prefetched.get(10)).containsExactly(10L, "n10", 2.5, null);
    }
  }

  @Test
  void anErrorComesAfterTheRowsBeforeIt() throws Exception {
    try (Connection c = database()) {
      int bad = PrefetchingCursor.BATCH * 2 + 5;
      try (Statement s = c.createStatement()) {
        s.execute("update t set id = 0.5 where id = " + bad);
      }
      String sql = "select id from t order by rowid";
      List<Object[]> rows = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery();
           TableCursor cursor = new PrefetchingCursor(new SqliteRowCursor(rs, sql))) {
        assertThatThrownBy(() -> drain(cursor, rows)).isInstanceOf(FlyteTypeException.class)
            .hasMessageContaining("Result row " + bad + ",").hasMessageContaining("holds the REAL 0.5");
        assertThat(cursor.next()).isFalse();
      }
      assertThat(rows).hasSize(bad);
      assertThat(rows.get(bad - 1)).containsExactly((long) bad - 1);
    }
  }

  @Test
  void closingEarlyStopsTheReaderAndClosesTheResult() throws Exception {
    try (Connection c = database()) {
      String sql = "select id, name from t";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ResultSet rs = ps.executeQuery();
        TableCursor cursor = new PrefetchingCursor(new SqliteRowCursor(rs, sql));
        assertThat(cursor.next()).isTrue();
        assertThat(cursor.getLong(0)).isZero();
        cursor.close();
        cursor.close();
        assertThat(rs.isClosed()).isTrue();
        assertThat(cursor.next()).isFalse();
      }
      assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("shimkit-sql-reader"));
    }
  }
}
