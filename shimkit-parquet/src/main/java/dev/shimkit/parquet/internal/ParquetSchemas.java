package dev.shimkit.parquet.internal;

import dev.shimkit.errors.FlyteTypeException;
import dev.shimkit.parquet.Column;
import dev.shimkit.parquet.ColumnType;
import dev.shimkit.parquet.TableSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Maps {@link TableSchema} to the parquet schema pyarrow writes for the same Arrow types, and any flat parquet
 * schema back to a {@link TableSchema} plus how each column's values are decoded.
 */
public final class ParquetSchemas {
  /** Root name pyarrow gives the message type. */
  public static final String ROOT_NAME = "schema";

  private ParquetSchemas() {}

  public static MessageType toParquet(TableSchema schema) {
    Types.MessageTypeBuilder message = Types.buildMessage();
    for (Column column : schema.columns()) {
      message.addField(toParquet(column));
    }
    return message.named(ROOT_NAME);
  }

  private static Type toParquet(Column column) {
    return switch (column.type()) {
      case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(column.name());
      case INT32 -> Types.optional(PrimitiveTypeName.INT32).named(column.name());
      case INT64 -> Types.optional(PrimitiveTypeName.INT64).named(column.name());
      case FLOAT -> Types.optional(PrimitiveTypeName.FLOAT).named(column.name());
      case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(column.name());
      case STRING -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
          .named(column.name());
      case BYTES -> Types.optional(PrimitiveTypeName.BINARY).named(column.name());
      case DATE -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(column.name());
      case TIMESTAMP_MICROS -> Types.optional(PrimitiveTypeName.INT64)
          .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS)).named(column.name());
      case TIMESTAMP_NANOS -> Types.optional(PrimitiveTypeName.INT64)
          .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.NANOS)).named(column.name());
    };
  }

  /** How stored values of one column become {@link RowBuffer} cells. */
  public enum Decoding {
    BOOLEAN, INT32, UINT32, INT64, FLOAT, DOUBLE, STRING, BYTES, DATE, TIMESTAMP_MILLIS, TIMESTAMP_MICROS,
    TIMESTAMP_NANOS, INT96_TIMESTAMP
  }

  /** A column as read: its shimkit column and how its parquet values are decoded. */
  public record ReadColumn(Column column, Decoding decoding) {}

  /** The columns of a flat parquet schema; nested, repeated and unsupported types are a clear error. */
  public static List<ReadColumn> fromParquet(MessageType message, String source) {
    List<ReadColumn> columns = new ArrayList<>();
    for (Type field : message.getFields()) {
      if (!field.isPrimitive()) {
        throw unsupported(source, field, "nested (group) columns are not supported; flatten the table");
      }
      if (field.isRepetition(Type.Repetition.REPEATED)) {
        throw unsupported(source, field, "repeated (list) columns are not supported; flatten the table");
      }
      Decoding decoding = decoding(field.asPrimitiveType(), source);
      columns.add(new ReadColumn(new Column(field.getName(), columnType(decoding)), decoding));
    }
    if (columns.isEmpty()) {
      throw new FlyteTypeException("parquet file " + source + " has no columns");
    }
    return columns;
  }

  public static TableSchema tableSchema(List<ReadColumn> columns) {
    return new TableSchema(columns.stream().map(ReadColumn::column).toList());
  }

  private static Decoding decoding(PrimitiveType type, String source) {
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    switch (type.getPrimitiveTypeName()) {
      case BOOLEAN:
        if (logical == null) {
          return Decoding.BOOLEAN;
        }
        break;
      case INT32:
        if (logical == null) {
          return Decoding.INT32;
        }
        if (logical instanceof IntLogicalTypeAnnotation i) {
          if (i.isSigned() || i.getBitWidth() < 32) {
            return Decoding.INT32;
          }
          return Decoding.UINT32;
        }
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
          return Decoding.DATE;
        }
        break;
      case INT64:
        if (logical == null || (logical instanceof IntLogicalTypeAnnotation i && i.isSigned())) {
          return Decoding.INT64;
        }
        if (logical instanceof TimestampLogicalTypeAnnotation t) {
          return switch (t.getUnit()) {
            case MILLIS -> Decoding.TIMESTAMP_MILLIS;
            case MICROS -> Decoding.TIMESTAMP_MICROS;
            case NANOS -> Decoding.TIMESTAMP_NANOS;
          };
        }
        break;
      case INT96:
        return Decoding.INT96_TIMESTAMP;
      case FLOAT:
        return Decoding.FLOAT;
      case DOUBLE:
        return Decoding.DOUBLE;
      case BINARY:
        if (logical == null || logical instanceof LogicalTypeAnnotation.BsonLogicalTypeAnnotation) {
          return Decoding.BYTES;
        }
        if (logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
            || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
            || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
          return Decoding.STRING;
        }
        break;
      case FIXED_LEN_BYTE_ARRAY:
        if (logical == null) {
          return Decoding.BYTES;
        }
        break;
      default:
        break;
    }
    throw unsupported(source, type, "type " + type.getPrimitiveTypeName()
        + (logical == null ? "" : " (" + logical + ")") + " has no shimkit column type; supported: "
        + java.util.Arrays.toString(ColumnType.values()));
  }

  private static ColumnType columnType(Decoding decoding) {
    return switch (decoding) {
      case BOOLEAN -> ColumnType.BOOLEAN;
      case INT32 -> ColumnType.INT32;
      case UINT32, INT64 -> ColumnType.INT64;
      case FLOAT -> ColumnType.FLOAT;
      case DOUBLE -> ColumnType.DOUBLE;
      case STRING -> ColumnType.STRING;
      case BYTES -> ColumnType.BYTES;
      case DATE -> ColumnType.DATE;
      case TIMESTAMP_MILLIS, TIMESTAMP_MICROS -> ColumnType.TIMESTAMP_MICROS;
      case TIMESTAMP_NANOS, INT96_TIMESTAMP -> ColumnType.TIMESTAMP_NANOS;
    };
  }

  private static FlyteTypeException unsupported(String source, Type field, String why) {
    return new FlyteTypeException("cannot read column \"" + field.getName() + "\" of parquet file " + source + ": "
        + why);
  }
}
