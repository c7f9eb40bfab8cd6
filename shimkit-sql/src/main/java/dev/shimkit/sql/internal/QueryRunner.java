package dev.shimkit.sql.internal;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.types.CellType;
import dev.shimkit.types.StructuredDataset;
import dev.shimkit.types.StructuredDatasets;
import dev.shimkit.types.TableColumn;
import dev.shimkit.types.TableCursor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one rendered statement on an open connection and streams its result into a parquet structured dataset
 * under the raw output prefix. A statement without a result set (an allowed write) gives a one-row dataset
 * with the column {@value #UPDATE_COUNT}. Rows are read on a second thread while parquet is written
 * ({@link PrefetchingCursor}).
 */
public final class QueryRunner {
  public static final String UPDATE_COUNT = "update_count";
  private static final int FETCH_SIZE = 10_000;

  private QueryRunner() {
  }

  public static StructuredDataset run(FlyteContext ctx, Connection connection, QueryTemplate.Statement statement,
      Binder binder, List<String> expectedColumns) {
    String sql = statement.sql();
    PreparedStatement ps;
    try {
      ps = connection.prepareStatement(sql);
    } catch (SQLException e) {
      throw SqlErrors.classify(e, "preparing the query", sql);
    }
    try (PreparedStatement closing = ps) {
      ps.setFetchSize(FETCH_SIZE);
      binder.bind(ps, statement.parameters());
      boolean hasResult;
      try {
        hasResult = ps.execute();
      } catch (SQLException e) {
        throw SqlErrors.classify(e, "running the query", sql);
      }
      if (!hasResult) {
        long count = ps.getLargeUpdateCount();
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {count});
        return StructuredDatasets.write(ctx, TableCursor.of(
            List.of(TableColumn.of(UPDATE_COUNT, CellType.INT64)), rows));
      }
      try (ResultSet rs = ps.getResultSet();
           TableCursor cursor = new PrefetchingCursor(binder == Binder.SQLITE ? new SqliteRowCursor(rs, sql)
               : new JdbcRowCursor(rs, sql))) {
        checkColumns(cursor.columns(), expectedColumns);
        return StructuredDatasets.write(ctx, cursor);
      }
    } catch (SQLException e) {
      throw SqlErrors.classify(e, "reading the result", sql);
    }
  }

  /** The columns the author declared must all be in the result (it may have more). */
  private static void checkColumns(List<TableColumn> actual, List<String> expected) {
    if (expected.isEmpty()) {
      return;
    }
    List<String> names = actual.stream().map(TableColumn::name).toList();
    List<String> missing = expected.stream().filter(e -> !names.contains(e)).toList();
    if (!missing.isEmpty()) {
      throw new FlyteUserException("USER:SchemaMismatch", "The query result has columns " + names
          + " but the task declares output columns " + expected + "; missing " + missing
          + ". Select them in the query (column names are case-sensitive) or change the declared columns", null);
    }
  }
}
