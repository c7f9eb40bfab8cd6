package dev.shimkit.sql;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.task.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a query through JDBC and returns the rows as a parquet structured dataset: shimkit's counterpart of
 * flytekit's {@code SQLAlchemyTask}, task type {@value #TASK_TYPE}. The PostgreSQL driver is shipped; other
 * drivers work when on the image's class path. The user and password come from Flyte secrets, requested on
 * the task (so Flyte mounts them) and read only at run time; the template holds their references only.
 * Statements run in a read-only transaction that is rolled back, unless {@link Builder#allowWrites} is set.
 *
 * <pre>{@code
 * public static final JdbcQueryTask BIG_ORDERS = JdbcQueryTask.builder("sales.big_orders")
 *     .url("jdbc:postgresql://db:5432/sales")
 *     .userSecret(Secret.of("sales-db", "user"))
 *     .passwordSecret(Secret.of("sales-db", "password"))
 *     .query("select id, total from orders where total > {{ .inputs.min_total }}")
 *     .input("min_total", Double.class)
 *     .build();
 * }</pre>
 */
public final class JdbcQueryTask extends SqlTask<JdbcQueryConfig> {
  /** The task type in the template: shimkit's own, executed by {@link JdbcQueryTaskExecutor}. */
  public static final String TASK_TYPE = "jdbc_query";

  private final boolean allowWrites;

  private JdbcQueryTask(Builder b) {
    super(b.withSecrets(), b.config(), JdbcQueryTaskExecutor.class);
    this.allowWrites = b.allowWrites;
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public boolean allowWrites() {
    return allowWrites;
  }

  @Override
  public Map<String, Object> getCustom(SerializationSettings settings) {
    JdbcQueryConfig c = taskConfig();
    Map<String, Object> custom = queryCustom();
    custom.put("url", c.url());
    if (c.driver() != null) {
      custom.put("driver", c.driver());
    }
    if (!c.properties().isEmpty()) {
      custom.put("properties", new TreeMap<>(c.properties()));
    }
    if (c.user() != null) {
      custom.put("user", c.user());
    }
    if (c.userSecret() != null) {
      custom.put("user_secret", secretRef(c.userSecret()));
    }
    if (c.passwordSecret() != null) {
      custom.put("password_secret", secretRef(c.passwordSecret()));
    }
    custom.put("read_only", !allowWrites);
    return custom;
  }

  private static Map<String, Object> secretRef(Secret s) {
    Map<String, Object> ref = new LinkedHashMap<>();
    s.group().ifPresent(g -> ref.put("group", g));
    s.key().ifPresent(k -> ref.put("key", k));
    s.groupVersion().ifPresent(v -> ref.put("group_version", v));
    s.envVar().ifPresent(v -> ref.put("env_var", v));
    return ref;
  }

  /** Builds a {@link JdbcQueryTask}. */
  public static final class Builder extends SqlTaskBuilder<Builder> {
    private String url;
    private String driver;
    private final Map<String, String> properties = new TreeMap<>();
    private String user;
    private Secret userSecret;
    private Secret passwordSecret;
    private boolean allowWrites;

    private Builder(String name) {
      super(name, TASK_TYPE);
    }

    /** The JDBC URL, without credentials. */
    public Builder url(String jdbcUrl) {
      this.url = jdbcUrl;
      return this;
    }

    /** The driver class to load (only needed for drivers that do not register themselves). */
    public Builder driver(String driverClass) {
      this.driver = driverClass;
      return this;
    }

    /** A connection property (e.g. {@code sslmode}); never a password. */
    public Builder property(String key, String value) {
      properties.put(key, value);
      return this;
    }

    /** A plain (non-secret) user name. */
    public Builder user(String userName) {
      this.user = userName;
      return this;
    }

    /** The secret holding the user name; requested on the task. */
    public Builder userSecret(Secret secret) {
      this.userSecret = secret;
      return this;
    }

    /** The secret holding the password; requested on the task. */
    public Builder passwordSecret(Secret secret) {
      this.passwordSecret = secret;
      return this;
    }

    /** Allows statements that write (INSERT, UPDATE, DDL); they are committed. Default: read-only. */
    public Builder allowWrites(boolean allow) {
      this.allowWrites = allow;
      return this;
    }

    JdbcQueryConfig config() {
      return new JdbcQueryConfig(url, driver, properties, user, userSecret, passwordSecret);
    }

    Builder withSecrets() {
      config();
      for (Secret s : new Secret[] {userSecret, passwordSecret}) {
        if (s != null && !options.build().secretRequests().contains(s)) {
          options.secret(s);
        }
      }
      return this;
    }

    public JdbcQueryTask build() {
      return new JdbcQueryTask(this);
    }
  }
}
