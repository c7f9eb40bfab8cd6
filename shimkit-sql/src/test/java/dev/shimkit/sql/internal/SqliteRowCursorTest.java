package dev.shimkit.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteTypeException;
import dev.shimkit.types.CellType;
import dev.shimkit.types.TableColumn;
import java.nio.charset.StandardCharsets;
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

/**
 * Rows past the look-ahead are read with typed getters: every storage class in every column type gives what
 * the look-ahead's {@code getObject} rules give (checked by putting the same values once inside and once past
 * the look-ahead), and a value of the wrong class is the same error.
 */
class SqliteRowCursorTest {
  private static final int AFTER = SqliteRowCursor.LOOKAHEAD + 5;
  @TempDir
  Path dir;

  /**
   * Table t(pos, i, d, s, b) without declared types (so values keep the storage class they are bound with):
   * {@code tail} at row 1 and again from row {@value #AFTER} on, past the look-ahead, then {@code lateOnly}.
   */
  private Connection database(String encoding, Object[][] tail, Object[]... lateOnly) throws Exception {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(encoding + ".db"));
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA encoding = '" + encoding + "'");
      s.execute("create table t(pos INTEGER, i, d, s, b)");
    }
    try (PreparedStatement ps = c.prepareStatement("insert into t values (?, ?, ?, ?, ?)")) {
      int pos = 0;
      insert(ps, pos++, new Object[] {7L, 0.5, "x", new byte[] {1}});
      for (Object[] row : tail) {
        insert(ps, pos++, row);
      }
      while (pos < AFTER) {
        insert(ps, pos++, new Object[] {7L, 0.5, "x", new byte[] {1}});
      }
      for (Object[] row : tail) {
        insert(ps, pos++, row);
      }
      for (Object[] row : lateOnly) {
        insert(ps, pos++, row);
      }
    }
    return c;
  }

  private static void insert(PreparedStatement ps, int pos, Object[] row) throws Exception {
    ps.setInt(1, pos);
    for (int i = 0; i < row.length; i++) {
      ps.setObject(i + 2, row[i]);
    }
    ps.executeUpdate();
  }

  private static List<Object[]> read(Connection c, String select) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(select + " from t order by pos"); ResultSet rs = ps.executeQuery();
         SqliteRowCursor cursor = new SqliteRowCursor(rs, select)) {
      assertThat(cursor.columns()).extracting(TableColumn::type)
          .containsExactly(CellType.INT64, CellType.DOUBLE, CellType.STRING, CellType.BYTES);
      List<Object[]> rows = new ArrayList<>();
      while (cursor.next()) {
        rows.add(cursor.toArray());
      }
      return rows;
    }
  }

  @Test
  void typedReadsPastTheLookAheadGiveWhatTheLookAheadGives() throws Exception {
    Object[][] tail = {
        {Long.MIN_VALUE, -0.0, "", new byte[0]},
        {Long.MAX_VALUE, 1e20, "béta ✓ 𝄞", new byte[] {0, (byte) 0xff}},
        {null, null, null, null},
        {0L, 42L, 12L, new byte[] {1}},
        {-1L, Double.MIN_VALUE, 1e-7, null},
    };
    for (String encoding : List.of("UTF-8", "UTF-16le")) {
      try (Connection c = database(encoding, tail, new Object[] {1L, 2L, 3L, "text in a blob column"})) {
        List<Object[]> rows = read(c, "select i, d, s, b");
        assertThat(rows).hasSize(AFTER + tail.length + 1);
        for (int k = 0; k < tail.length; k++) {
          Object[] early = rows.get(1 + k);
          Object[] late = rows.get(AFTER + k);
          assertThat(late).as("%s row %d", encoding, k).containsExactly(early);
        }
        assertThat(rows.get(AFTER)).containsExactly(Long.MIN_VALUE, -0.0, "", new byte[0]);
        assertThat(rows.get(AFTER + 1)).containsExactly(Long.MAX_VALUE, 1e20, "béta ✓ 𝄞", new byte[] {0, (byte) 0xff});
        assertThat(rows.get(AFTER + 2)).containsExactly(null, null, null, null);
        // an INTEGER in a DOUBLE column widens, numbers in a STRING column are Java's text of them
        assertThat(rows.get(AFTER + 3)).containsExactly(0L, 42.0, "12", new byte[] {1});
        assertThat(rows.get(AFTER + 4)).containsExactly(-1L, Double.MIN_VALUE, "1.0E-7", null);
        // TEXT in a BYTES column is its UTF-8 bytes, whatever the database's encoding
        assertThat(rows.get(AFTER + 5)).containsExactly(1L, 2.0, "3",
            "text in a blob column".getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void wrongStorageClassPastTheLookAheadIsTheSameError() throws Exception {
    try (Connection c = database("UTF-8", new Object[][] {{7L, 0.5, "x", new byte[] {1}}})) {
      try (Statement s = c.createStatement()) {
        s.execute("insert into t values (" + (AFTER + 10) + ", 2.5, 'text', x'00', 'not a number')");
      }
      assertThatThrownBy(() -> read(c, "select i, d, s, b")).isInstanceOf(FlyteTypeException.class)
          .hasMessageContaining("row " + (AFTER + 1) + ",").hasMessageContaining("column \"i\" holds the REAL 2.5")
          .hasMessageContaining("CAST(\"i\" AS REAL)");
      assertThatThrownBy(() -> read(c, "select pos as i, d, s, b")).isInstanceOf(FlyteTypeException.class)
          .hasMessageContaining("column \"d\" holds TEXT");
      assertThatThrownBy(() -> read(c, "select pos as i, 0.5 as d, s, b")).isInstanceOf(FlyteTypeException.class)
          .hasMessageContaining("column \"s\" holds a BLOB of 1 bytes").hasMessageContaining("hex(\"s\")");
      assertThatThrownBy(() -> read(c, "select pos as i, 0.5 as d, 'x' as s, case when pos = " + (AFTER + 10)
          + " then 2.5 else b end as b")).isInstanceOf(FlyteTypeException.class)
          .hasMessageContaining("column \"b\" holds the REAL 2.5");
    }
  }
}
