package dev.shimkit.sql;

import dev.shimkit.context.ExecutionParameters;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.context.SecretsManager;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.shim.ShimTaskExecutor;
import dev.shimkit.sql.internal.Binder;
import dev.shimkit.sql.internal.QueryRunner;
import dev.shimkit.sql.internal.QueryTemplate;
import dev.shimkit.sql.internal.SqlErrors;
import dev.shimkit.sql.internal.SqlTaskSupport;
import dev.shimkit.types.StructuredDataset;
import flyteidl.core.Tasks.TaskTemplate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * Runs a {@link JdbcQueryTask} template: reads the user and password from the execution's secrets, connects,
 * runs the query with inputs bound inside one transaction, and streams the result into a parquet dataset.
 * Read-only templates run in a read-only transaction ({@code Connection.setReadOnly}: enforced by the server
 * on PostgreSQL) that is rolled back at the end, so nothing can persist; {@code read_only: false} commits.
 * Errors: a database that cannot be reached is a recoverable SYSTEM error; SQL errors, bad credentials and
 * missing drivers are USER errors (see {@link SqlErrors}).
 */
public final class JdbcQueryTaskExecutor implements ShimTaskExecutor {

  @Override
  public Object executeFromModel(TaskTemplate template, Map<String, Object> inputs) {
    Map<String, Object> custom = ShimTaskExecutor.custom(template);
    String query = SqlTaskSupport.string(custom, SqlTask.QUERY_TEMPLATE);
    String url = SqlTaskSupport.string(custom, "url");
    boolean readOnly = SqlTaskSupport.bool(custom, "read_only", true);
    boolean allowText = SqlTaskSupport.bool(custom, SqlTask.ALLOW_TEXT_SUBSTITUTION, false);
    QueryTemplate.Statement statement = QueryTemplate.parse(query).render(inputs, allowText);

    FlyteContext ctx = FlyteContextManager.current();
    SecretsManager secrets = ctx.userSpaceParams().map(ExecutionParameters::secrets).orElseGet(SecretsManager::new);
    Properties props = new Properties();
    if (custom.get("properties") instanceof Map<?, ?> p) {
      p.forEach((k, v) -> props.setProperty(k.toString(), String.valueOf(v)));
    }
    String user = custom.get("user") instanceof String u ? u : secret(secrets, custom.get("user_secret"));
    String password = secret(secrets, custom.get("password_secret"));
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    loadDriver(custom.get("driver"), url);
    Connection connection;
    try {
      connection = DriverManager.getConnection(url, props);
    } catch (SQLException e) {
      throw SqlErrors.classify(e, "connecting to " + url, null);
    }
    try (Connection c = connection) {
      c.setAutoCommit(false);
      c.setReadOnly(readOnly);
      StructuredDataset result = QueryRunner.run(ctx, c, statement, Binder.STANDARD,
          SqlTaskSupport.declaredColumns(template.getInterface()));
      if (readOnly) {
        c.rollback();
      } else {
        c.commit();
      }
      return result;
    } catch (SQLException e) {
      throw SqlErrors.classify(e, "finishing the transaction", statement.sql());
    }
  }

  private static String secret(SecretsManager secrets, Object ref) {
    if (!(ref instanceof Map<?, ?> m)) {
      return null;
    }
    return secrets.get(str(m.get("group")), str(m.get("key")), str(m.get("group_version")), str(m.get("env_var")));
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  private static void loadDriver(Object driver, String url) {
    if (driver instanceof String d && !d.isEmpty()) {
      try {
        Class.forName(d, true, JdbcQueryTaskExecutor.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new FlyteUserException("USER:DriverNotFound", "JDBC driver class " + d + " is not on the class path "
            + "of the image: add its jar to the image, or use the shipped PostgreSQL driver", e);
      }
    }
    try {
      DriverManager.getDriver(url);
    } catch (SQLException e) {
      String scheme = url.split(":").length > 1 ? url.split(":")[1] : url;
      throw new FlyteUserException("USER:DriverNotFound", "No JDBC driver accepts URLs of kind 'jdbc:" + scheme
          + ":...': add the driver's jar to the image (the PostgreSQL driver is shipped) or fix the URL", e);
    }
  }
}
