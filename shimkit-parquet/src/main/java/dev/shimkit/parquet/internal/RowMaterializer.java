package dev.shimkit.parquet.internal;

import dev.shimkit.errors.FlyteTypeException;
import dev.shimkit.parquet.internal.ParquetSchemas.ReadColumn;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;

/**
 * Decodes parquet records of a flat schema into one reused {@link RowBuffer}: each column's converter writes
 * its cell; cells no converter touched in a record are null. Dictionary-encoded strings are decoded once per
 * dictionary, not once per value.
 */
public final class RowMaterializer extends RecordMaterializer<RowBuffer> {
  private static final long JULIAN_EPOCH_DAY = 2_440_588L;
  private static final long NANOS_PER_DAY = 86_400_000_000_000L;

  private final RowBuffer row;
  private final GroupConverter root;

  public RowMaterializer(List<ReadColumn> columns) {
    this.row = new RowBuffer(columns.size());
    Converter[] converters = new Converter[columns.size()];
    for (int i = 0; i < converters.length; i++) {
      converters[i] = converter(i, columns.get(i));
    }
    this.root = new GroupConverter() {
      @Override
      public Converter getConverter(int fieldIndex) {
        return converters[fieldIndex];
      }

      @Override
      public void start() {
        row.clear();
      }

      @Override
      public void end() {}
    };
  }

  @Override
  public RowBuffer getCurrentRecord() {
    return row;
  }

  @Override
  public GroupConverter getRootConverter() {
    return root;
  }

  private PrimitiveConverter converter(int i, ReadColumn column) {
    return switch (column.decoding()) {
      case BOOLEAN -> new PrimitiveConverter() {
        @Override
        public void addBoolean(boolean value) {
          setLong(i, value ? 1 : 0);
        }
      };
      case INT32, DATE -> new PrimitiveConverter() {
        @Override
        public void addInt(int value) {
          setLong(i, value);
        }
      };
      case UINT32 -> new PrimitiveConverter() {
        @Override
        public void addInt(int value) {
          setLong(i, Integer.toUnsignedLong(value));
        }
      };
      case INT64, TIMESTAMP_MICROS, TIMESTAMP_NANOS -> new PrimitiveConverter() {
        @Override
        public void addLong(long value) {
          setLong(i, value);
        }
      };
      case TIMESTAMP_MILLIS -> new PrimitiveConverter() {
        @Override
        public void addLong(long value) {
          setLong(i, exact(column, () -> Math.multiplyExact(value, 1000L)));
        }
      };
      case INT96_TIMESTAMP -> new PrimitiveConverter() {
        @Override
        public void addBinary(Binary value) {
          ByteBuffer b = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
          long nanosOfDay = b.getLong();
          long julianDay = Integer.toUnsignedLong(b.getInt());
          setLong(i, exact(column, () -> Math.addExact(
              Math.multiplyExact(julianDay - JULIAN_EPOCH_DAY, NANOS_PER_DAY), nanosOfDay)));
        }
      };
      case FLOAT -> new PrimitiveConverter() {
        @Override
        public void addFloat(float value) {
          setDouble(i, value);
        }
      };
      case DOUBLE -> new PrimitiveConverter() {
        @Override
        public void addDouble(double value) {
          setDouble(i, value);
        }
      };
      case STRING -> new StringConverter(i);
      case BYTES -> new PrimitiveConverter() {
        @Override
        public void addBinary(Binary value) {
          setRef(i, value.getBytes());
        }
      };
    };
  }

  private void setLong(int i, long value) {
    row.longs[i] = value;
    row.present[i] = true;
  }

  private void setDouble(int i, double value) {
    row.doubles[i] = value;
    row.present[i] = true;
  }

  private void setRef(int i, Object value) {
    row.refs[i] = value;
    row.present[i] = true;
  }

  private static long exact(ReadColumn column, java.util.function.LongSupplier conversion) {
    try {
      return conversion.getAsLong();
    } catch (ArithmeticException e) {
      throw new FlyteTypeException("column \"" + column.column().name() + "\" holds a timestamp outside the range "
          + "of " + column.column().type() + " (" + column.decoding() + ")", e);
    }
  }

  private final class StringConverter extends PrimitiveConverter {
    private final int index;
    private String[] dictionary;

    StringConverter(int index) {
      this.index = index;
    }

    @Override
    public boolean hasDictionarySupport() {
      return true;
    }

    @Override
    public void setDictionary(Dictionary d) {
      dictionary = new String[d.getMaxId() + 1];
      for (int id = 0; id < dictionary.length; id++) {
        dictionary[id] = d.decodeToBinary(id).toStringUsingUTF8();
      }
    }

    @Override
    public void addValueFromDictionary(int dictionaryId) {
      setRef(index, dictionary[dictionaryId]);
    }

    @Override
    public void addBinary(Binary value) {
      setRef(index, value.toStringUsingUTF8());
    }
  }
}
