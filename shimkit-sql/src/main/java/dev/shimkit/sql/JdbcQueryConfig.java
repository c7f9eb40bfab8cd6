package dev.shimkit.sql;

import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.task.Secret;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a {@link JdbcQueryTask} connects: the JDBC URL, optionally the driver class, connection properties, and
 * the user and password, which come from Flyte secrets at run time (a plain user name is allowed, a plain
 * password is not). Nothing secret is ever stored here: a {@link Secret} is a reference (group, key).
 *
 * @param url the JDBC URL, e.g. {@code jdbc:postgresql://db:5432/sales}; no password in it
 * @param driver the driver class to load, or null to let {@link java.sql.DriverManager} find it
 * @param properties connection properties (no {@code password})
 * @param user a plain user name, or null
 * @param userSecret the secret holding the user name, or null
 * @param passwordSecret the secret holding the password, or null
 */
public record JdbcQueryConfig(String url, String driver, Map<String, String> properties, String user,
    Secret userSecret, Secret passwordSecret) {

  public JdbcQueryConfig {
    if (url == null || !url.startsWith("jdbc:")) {
      throw new FlyteValidationException("A JDBC query task needs a JDBC URL starting with 'jdbc:' (got " + url
          + "), e.g. jdbc:postgresql://host:5432/database");
    }
    if (url.toLowerCase(Locale.ROOT).contains("password=")) {
      throw new FlyteValidationException("The JDBC URL contains a password: it would be stored in the task "
          + "template in clear. Remove it and give the password as a secret (passwordSecret)");
    }
    properties = properties == null ? Map.of() : Map.copyOf(new TreeMap<>(properties));
    for (String k : properties.keySet()) {
      if (k.toLowerCase(Locale.ROOT).contains("password")) {
        throw new FlyteValidationException("Connection property '" + k + "' looks like a password: it would be "
            + "stored in the task template in clear. Give the password as a secret (passwordSecret)");
      }
    }
    if (user != null && userSecret != null) {
      throw new FlyteValidationException("Give the database user either as a plain name or as a secret, not both");
    }
    for (Secret s : new Secret[] {userSecret, passwordSecret}) {
      if (s != null && (s.key().isEmpty() || s.group().isEmpty())) {
        throw new FlyteValidationException("Secret " + s + " needs a group and a key");
      }
    }
  }
}
