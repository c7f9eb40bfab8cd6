package dev.shimkit.parquet;

import dev.shimkit.errors.FlyteUserException;
import java.util.Objects;

/**
 * One named, typed, nullable column of a dataset. The name is written to parquet exactly as given, so it is
 * the name pandas/pyarrow see.
 */
public record Column(String name, ColumnType type) {
  public Column {
    Objects.requireNonNull(type, "type");
    if (name == null || name.isEmpty()) {
      throw new FlyteUserException("a dataset column needs a non-empty name (got " + (name == null ? "null" : "\"\"")
          + ")");
    }
  }

  public static Column of(String name, ColumnType type) {
    return new Column(name, type);
  }

  @Override
  public String toString() {
    return name + ": " + type;
  }
}
