package dev.shimkit.types;

import java.nio.file.Path;

/**
 * Reads and writes the files of a {@link StructuredDataset} in one file format, on local disk. Found through
 * {@link java.util.ServiceLoader} by {@link #format()} (see {@link StructuredDatasets#codec}); list an
 * implementation in {@code META-INF/services/dev.shimkit.types.DatasetCodec}. Moving the files to and from
 * remote storage is {@link StructuredDatasets}' job, not the codec's.
 *
 * <p>shimkit-parquet provides {@code parquet}, writing flytekit's layout: a directory of part files.
 */
public interface DatasetCodec {

  /** The format name as it appears in a structured dataset literal, e.g. {@code parquet}. */
  String format();

  /**
   * Writes every remaining row of {@code rows} into {@code directory} (which must not exist or be empty),
   * streaming with bounded memory, and returns the number of rows written. On failure nothing is left in
   * {@code directory}. Does not close {@code rows}.
   */
  long write(TableCursor rows, Path directory);

  /** Opens the dataset at {@code fileOrDirectory} (a directory of part files or a single file) for reading. */
  TableCursor open(Path fileOrDirectory);
}
