package dev.shimkit.types;

import dev.shimkit.errors.FlyteUserException;
import java.util.Objects;

/** One named, typed, nullable column of a table streamed through a {@link TableCursor}. */
public record TableColumn(String name, CellType type) {
  public TableColumn {
    Objects.requireNonNull(type, "type");
    if (name == null || name.isEmpty()) {
      throw new FlyteUserException("a table column needs a non-empty name (got " + (name == null ? "null" : "\"\"")
          + ")");
    }
  }

  public static TableColumn of(String name, CellType type) {
    return new TableColumn(name, type);
  }

  /** This column as a structured dataset's declared column (name and Flyte literal type). */
  public StructuredDataset.Column toDatasetColumn() {
    return new StructuredDataset.Column(name, type.literalType());
  }

  @Override
  public String toString() {
    return name + ": " + type;
  }
}
