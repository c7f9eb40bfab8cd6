package dev.shimkit.sql;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.errors.FlyteDataException;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.shim.ShimTaskExecutor;
import dev.shimkit.sql.internal.Archives;
import dev.shimkit.sql.internal.Binder;
import dev.shimkit.sql.internal.QueryRunner;
import dev.shimkit.sql.internal.QueryTemplate;
import dev.shimkit.sql.internal.SqlErrors;
import dev.shimkit.sql.internal.SqlTaskSupport;
import dev.shimkit.storage.FileAccessProvider;
import dev.shimkit.types.StructuredDataset;
import dev.shimkit.types.internal.LocalCopies;
import flyteidl.core.Tasks.TaskTemplate;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * Runs a {@link SQLite3Task} template, flytekit's included (the alias
 * {@code flytekit.extras.sqlite3.task.SQLite3TaskExecutor} maps to this class): downloads the database
 * through the context's file access, unpacks it when {@code compressed} ({@link Archives}: exactly one file,
 * no path traversal, a size cap), opens it read-only ({@code SQLITE_OPEN_READONLY} and {@code PRAGMA
 * query_only}), runs the query with inputs bound, and streams the rows into a parquet dataset under the raw
 * output prefix. Column types follow the values (see the SQLite row mapping in the module docs). The
 * downloaded copy is deleted afterwards; the source database is never written.
 */
public final class SQLite3TaskExecutor implements ShimTaskExecutor {

  @Override
  public Object executeFromModel(TaskTemplate template, Map<String, Object> inputs) {
    Map<String, Object> custom = ShimTaskExecutor.custom(template);
    String query = SqlTaskSupport.string(custom, SqlTask.QUERY_TEMPLATE);
    String uri = SqlTaskSupport.string(custom, "uri");
    boolean compressed = SqlTaskSupport.bool(custom, "compressed", false);
    boolean allowText = SqlTaskSupport.bool(custom, SqlTask.ALLOW_TEXT_SUBSTITUTION, false);
    long maxBytes = custom.get(SQLite3Task.MAX_EXTRACTED_BYTES) instanceof Number n ? n.longValue()
        : Archives.DEFAULT_MAX_EXTRACTED_BYTES;
    QueryTemplate.Statement statement = QueryTemplate.parse(query).render(inputs, allowText);

    FlyteContext ctx = FlyteContextManager.current();
    FileAccessProvider files = ctx.fileAccess();
    Path work = files.getRandomLocalDirectory();
    try {
      Path database = fetch(files, uri, work);
      if (compressed) {
        database = Archives.extractSingleFile(database, work.resolve("_arch"), maxBytes);
      }
      try (Connection connection = open(database, statement.sql())) {
        return QueryRunner.run(ctx, connection, statement, Binder.SQLITE,
            SqlTaskSupport.declaredColumns(template.getInterface()));
      } catch (SQLException e) {
        throw SqlErrors.classify(e, "closing the database", null);
      }
    } finally {
      LocalCopies.deleteQuietly(work);
    }
  }

  private static Path fetch(FileAccessProvider files, String uri, Path work) {
    String name = uri.replaceAll("/+$", "");
    name = name.substring(name.lastIndexOf('/') + 1);
    if (name.isEmpty() || name.equals("..") || name.equals(".")) {
      name = "database";
    }
    Path local = work.resolve(name);
    try {
      return files.getData(uri, local, false);
    } catch (FlyteDataException e) {
      if (e.isNotFound()) {
        throw new FlyteUserException("USER:DatabaseNotFound", "The SQLite database " + uri + " does not exist: "
            + "check the task's database uri and that this execution can read it", e);
      }
      throw e;
    }
  }

  private static Connection open(Path database, String sql) {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    try {
      Connection connection = config.createConnection("jdbc:sqlite:" + database.toAbsolutePath());
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA query_only = ON");
      }
      return connection;
    } catch (SQLException e) {
      throw SqlErrors.classify(e, "opening the SQLite database " + database.getFileName()
          + " (is it a SQLite file? set compressed=true for an archive)", sql);
    }
  }
}
