package dev.shimkit.parquet.internal;

import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.parquet.internal.ParquetSchemas.ReadColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/** One part file being read row group by row group into a reused {@link RowBuffer}. */
public final class PartReader implements AutoCloseable {
  private final Path file;
  private final ParquetFileReader reader;
  private final Codecs codecs;
  private final MessageType messageType;
  private final List<ReadColumn> columns;
  private final RowMaterializer materializer;
  private RecordReader<RowBuffer> records;
  private long leftInGroup;

  private PartReader(Path file, ParquetFileReader reader, Codecs codecs) {
    this.file = file;
    this.reader = reader;
    this.codecs = codecs;
    this.messageType = reader.getFooter().getFileMetaData().getSchema();
    this.columns = ParquetSchemas.fromParquet(messageType, file.toString());
    this.materializer = new RowMaterializer(columns);
  }

  public static PartReader open(Path file) {
    Codecs codecs = new Codecs();
    ParquetFileReader reader;
    try {
      reader = ParquetFileReader.open(new LocalInputFile(file),
          ParquetReadOptions.builder(new PlainParquetConfiguration()).withCodecFactory(codecs).build());
    } catch (IOException | RuntimeException e) {
      codecs.release();
      throw readError(file, e);
    }
    try {
      return new PartReader(file, reader, codecs);
    } catch (RuntimeException e) {
      closeQuietly(reader, codecs);
      throw e;
    }
  }

  public Path file() {
    return file;
  }

  public List<ReadColumn> columns() {
    return columns;
  }

  public long rowCount() {
    return reader.getRecordCount();
  }

  /** The next row, or {@code null} at the end of this file. */
  public RowBuffer next() {
    try {
      while (leftInGroup == 0) {
        PageReadStore pages = reader.readNextRowGroup();
        if (pages == null) {
          return null;
        }
        leftInGroup = pages.getRowCount();
        MessageColumnIO io = new ColumnIOFactory().getColumnIO(messageType);
        records = io.getRecordReader(pages, materializer);
      }
      leftInGroup--;
      return records.read();
    } catch (IOException | RuntimeException e) {
      if (e instanceof dev.shimkit.errors.FlyteException f) {
        throw f;
      }
      throw readError(file, e);
    }
  }

  @Override
  public void close() {
    closeQuietly(reader, codecs);
  }

  private static void closeQuietly(ParquetFileReader reader, Codecs codecs) {
    try {
      reader.close();
    } catch (IOException e) {
      // read-only file: nothing is lost
    } finally {
      codecs.release();
    }
  }

  private static RuntimeException readError(Path file, Exception e) {
    if (e instanceof IOException && !(e instanceof java.nio.file.NoSuchFileException)
        && !(e.getMessage() != null && e.getMessage().contains("magic number"))) {
      return new FlyteSystemException("cannot read parquet file " + file + ": " + e, e);
    }
    return new FlyteUserException("cannot read " + file + " as parquet (is it a parquet file?): " + e, e);
  }
}
