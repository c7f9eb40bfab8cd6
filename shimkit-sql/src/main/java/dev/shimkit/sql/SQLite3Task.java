package dev.shimkit.sql;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.sql.internal.Archives;
import java.util.Map;

/**
 * Runs a query on a SQLite database file and returns the rows as a parquet structured dataset: the Java
 * counterpart of flytekit's {@code SQLite3Task}, with the same template (task type {@value #TASK_TYPE},
 * {@code custom = {query_template, uri, compressed}}, one output {@code results}), so each side runs the
 * other's templates. Unlike flytekit, inputs that stand for values are bound as parameters, never pasted
 * into the SQL (see {@link SqlTaskBuilder#allowTextSubstitution}).
 *
 * <pre>{@code
 * public static final SQLite3Task TOP_TRACKS = SQLite3Task.builder("music.top_tracks")
 *     .query("select TrackId, Name from tracks limit {{ .inputs.limit }}")
 *     .input("limit", Long.class)
 *     .database("s3://my-bucket/chinook.zip", true)
 *     .build();
 * }</pre>
 */
public final class SQLite3Task extends SqlTask<SQLite3Config> {
  /** flytekit's task type for SQLite tasks. */
  public static final String TASK_TYPE = "sqlite";
  /** Key in {@code custom}, present only when a limit other than the default was set. */
  public static final String MAX_EXTRACTED_BYTES = "max_extracted_bytes";

  private final Long maxExtractedBytes;

  private SQLite3Task(Builder b) {
    super(b, b.config(), SQLite3TaskExecutor.class);
    this.maxExtractedBytes = b.maxExtractedBytes;
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  @Override
  public Map<String, Object> getCustom(SerializationSettings settings) {
    Map<String, Object> custom = queryCustom();
    custom.put("uri", taskConfig().uri());
    custom.put("compressed", taskConfig().compressed());
    if (maxExtractedBytes != null) {
      custom.put(MAX_EXTRACTED_BYTES, maxExtractedBytes);
    }
    return custom;
  }

  /** Builds a {@link SQLite3Task}. */
  public static final class Builder extends SqlTaskBuilder<Builder> {
    private String uri;
    private boolean compressed;
    private Long maxExtractedBytes;

    private Builder(String name) {
      super(name, TASK_TYPE);
    }

    /** The database file: a local path, {@code file://}, {@code s3://} or {@code http(s)://} URI. */
    public Builder database(String databaseUri) {
      this.uri = databaseUri;
      return this;
    }

    /** The database, and whether it is an archive (zip, tar, tar.gz, tar.bz2, tar.xz) of exactly one file. */
    public Builder database(String databaseUri, boolean isCompressed) {
      this.uri = databaseUri;
      this.compressed = isCompressed;
      return this;
    }

    /** Both at once, as flytekit's {@code task_config}. */
    public Builder config(SQLite3Config config) {
      this.uri = config.uri();
      this.compressed = config.compressed();
      return this;
    }

    /** Whether the database is an archive; see {@link #database(String, boolean)}. */
    public Builder compressed(boolean isCompressed) {
      this.compressed = isCompressed;
      return this;
    }

    /** The most bytes an archive may expand to (default {@value Archives#DEFAULT_MAX_EXTRACTED_BYTES}). */
    public Builder maxExtractedBytes(long bytes) {
      if (bytes <= 0) {
        throw new dev.shimkit.errors.FlyteValidationException("maxExtractedBytes must be positive, got " + bytes);
      }
      this.maxExtractedBytes = bytes;
      return this;
    }

    SQLite3Config config() {
      return new SQLite3Config(uri, compressed);
    }

    public SQLite3Task build() {
      return new SQLite3Task(this);
    }
  }
}
