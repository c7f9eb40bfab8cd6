package dev.shimkit.types;

import dev.shimkit.errors.FlyteTypeException;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SchemaType.SchemaColumn;
import flyteidl.core.Types.SimpleType;
import flyteidl.core.Types.StructuredDatasetType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table stored as files (Flyte structured dataset): where it is, its file format and, when known, its
 * columns. It carries no data frame: reading and writing the files is the job of format codecs outside the
 * type engine; this value is the seam they plug into.
 *
 * @param uri where the dataset lives (a prefix or a file); may be null before a codec has written it
 * @param fileFormat the storage format, {@code parquet} unless told otherwise
 * @param columns the columns when known, else empty
 */
public record StructuredDataset(String uri, String fileFormat, List<Column> columns) {
  /** The format flytekit writes by default. */
  public static final String PARQUET = "parquet";

  /** One column: its name and Flyte literal type. */
  public record Column(String name, LiteralType type) {
    public Column {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  public StructuredDataset {
    fileFormat = fileFormat == null || fileFormat.isEmpty() ? PARQUET : fileFormat;
    columns = columns == null ? List.of() : List.copyOf(columns);
  }

  /** A parquet dataset at {@code uri} with unknown columns. */
  public static StructuredDataset of(String uri) {
    return new StructuredDataset(uri, PARQUET, List.of());
  }

  /**
   * The columns a SCHEMA or structured-dataset literal type declares (SCHEMA column types INTEGER, FLOAT,
   * STRING, BOOLEAN, DATETIME, DURATION become the simple literal types of those names); empty for others.
   */
  public static List<Column> columnsOf(LiteralType type) {
    List<Column> out = new ArrayList<>();
    if (type.hasSchema()) {
      for (SchemaColumn c : type.getSchema().getColumnsList()) {
        SimpleType simple = switch (c.getType()) {
          case INTEGER -> SimpleType.INTEGER;
          case FLOAT -> SimpleType.FLOAT;
          case STRING -> SimpleType.STRING;
          case BOOLEAN -> SimpleType.BOOLEAN;
          case DATETIME -> SimpleType.DATETIME;
          case DURATION -> SimpleType.DURATION;
          default -> throw new FlyteTypeException("schema column '" + c.getName() + "' has unknown type "
              + c.getType());
        };
        out.add(new Column(c.getName(), LiteralType.newBuilder().setSimple(simple).build()));
      }
    } else if (type.hasStructuredDatasetType()) {
      for (StructuredDatasetType.DatasetColumn c : type.getStructuredDatasetType().getColumnsList()) {
        out.add(new Column(c.getName(), c.getLiteralType()));
      }
    }
    return List.copyOf(out);
  }

  public StructuredDataset withColumns(List<Column> newColumns) {
    return new StructuredDataset(uri, fileFormat, newColumns);
  }

  public StructuredDataset withFileFormat(String format) {
    return new StructuredDataset(uri, format, columns);
  }
}
