package dev.shimkit.parquet;

import dev.shimkit.errors.FlyteUserException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ordered columns of a dataset: at least one, with unique names. Column positions (0-based) are what the
 * writer's setters and the reader's getters take.
 */
public record TableSchema(List<Column> columns) {
  public TableSchema {
    if (columns == null || columns.isEmpty()) {
      throw new FlyteUserException("a dataset needs at least one column");
    }
    columns = List.copyOf(columns);
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      Integer previous = seen.put(columns.get(i).name(), i);
      if (previous != null) {
        throw new FlyteUserException("dataset column name \"" + columns.get(i).name() + "\" is used twice (columns "
            + previous + " and " + i + "); column names must be unique");
      }
    }
  }

  public static TableSchema of(Column... columns) {
    return new TableSchema(List.of(columns));
  }

  public int size() {
    return columns.size();
  }

  public Column column(int index) {
    return columns.get(index);
  }

  /** The position of the column with this exact name. */
  public Optional<Integer> indexOf(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return columns.toString();
  }
}
