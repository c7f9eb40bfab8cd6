package dev.shimkit.types;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.errors.FlyteDataException;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.storage.FileAccessProvider;
import dev.shimkit.types.internal.LocalCopies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Writes tables as {@link StructuredDataset}s and reads them back, through the {@link DatasetCodec} of the
 * dataset's format and the context's {@link FileAccessProvider}.
 *
 * <p>Writing encodes the rows into a fresh local directory, uploads the directory (multipart) to a fresh
 * prefix under the raw output prefix ({@link FileAccessProvider#getRandomRemoteDirectory()}), deletes the local
 * copy, and returns {@code StructuredDataset(prefix, format, columns)}: exactly what flytekit writes for a
 * data frame, so pandas/pyarrow read it back. Reading downloads the dataset (a directory of part files, or a
 * single file) into the sandbox and opens a cursor over it; closing the cursor deletes the download.
 */
public final class StructuredDatasets {

  private StructuredDatasets() {
  }

  /** The codec for {@code format} (case-insensitive), e.g. {@code parquet}. */
  public static DatasetCodec codec(String format) {
    Objects.requireNonNull(format, "format");
    DatasetCodec codec = Codecs.ALL.get(format.toLowerCase(Locale.ROOT));
    if (codec == null) {
      String hint = format.equalsIgnoreCase(StructuredDataset.PARQUET)
          ? " (parquet comes with the shimkit-parquet module)" : "";
      throw new FlyteValidationException("No dataset codec for format '" + format + "'" + hint
          + ". Add the module that provides it to the class path; formats found: " + Codecs.ALL.keySet() + ".");
    }
    return codec;
  }

  /** The formats that have a codec on the class path. */
  public static List<String> formats() {
    return List.copyOf(Codecs.ALL.keySet());
  }

  /** Writes {@code rows} as a parquet dataset under the current context's raw output prefix. */
  public static StructuredDataset write(TableCursor rows) {
    return write(FlyteContextManager.current(), rows, StructuredDataset.PARQUET);
  }

  /** Writes {@code rows} as a parquet dataset under {@code ctx}'s raw output prefix. */
  public static StructuredDataset write(FlyteContext ctx, TableCursor rows) {
    return write(ctx, rows, StructuredDataset.PARQUET);
  }

  /** Writes {@code rows} in {@code format} under {@code ctx}'s raw output prefix; does not close {@code rows}. */
  public static StructuredDataset write(FlyteContext ctx, TableCursor rows, String format) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(rows, "rows");
    DatasetCodec codec = codec(format);
    FileAccessProvider files = ctx.fileAccess();
    Path local = files.getRandomLocalPath();
    try {
      codec.write(rows, local);
      String remote = files.getRandomRemoteDirectory();
      files.putData(local, remote, true);
      return new StructuredDataset(remote, codec.format(),
          rows.columns().stream().map(TableColumn::toDatasetColumn).toList());
    } finally {
      LocalCopies.deleteQuietly(local);
    }
  }

  /** Opens {@code dataset} for reading in the current context. */
  public static TableCursor open(StructuredDataset dataset) {
    return open(FlyteContextManager.current(), dataset);
  }

  /**
   * Opens {@code dataset} for reading: a plain local path is read in place, anything else is downloaded into
   * {@code ctx}'s sandbox first (and deleted when the cursor is closed).
   */
  public static TableCursor open(FlyteContext ctx, StructuredDataset dataset) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(dataset, "dataset");
    String uri = dataset.uri();
    if (uri == null || uri.isEmpty()) {
      throw new FlyteUserException("The structured dataset has no uri: nothing to read");
    }
    DatasetCodec codec = codec(dataset.fileFormat());
    if (!uri.contains(":") && Files.exists(Path.of(uri))) {
      return codec.open(Path.of(uri));
    }
    FileAccessProvider files = ctx.fileAccess();
    Path local = files.getRandomLocalPath();
    try {
      files.getData(uri, local, true);
      if (LocalCopies.isMissingOrEmptyDirectory(local)) {
        LocalCopies.deleteQuietly(local);
        files.getData(uri, local, false);
      }
      if (!Files.exists(local)) {
        throw FlyteDataException.notFound(uri);
      }
      return LocalCopies.deletingOnClose(codec.open(local), local);
    } catch (RuntimeException e) {
      LocalCopies.deleteQuietly(local);
      throw e;
    }
  }

  /** Reads a whole dataset into memory (current context): for small data and tests. */
  public static List<Object[]> readAll(StructuredDataset dataset) {
    return open(dataset).readAll();
  }

  /** Codecs found on the class path, by lower-case format; the first one found for a format wins. */
  private static final class Codecs {
    static final Map<String, DatasetCodec> ALL = load();

    private static Map<String, DatasetCodec> load() {
      Map<String, DatasetCodec> found = new TreeMap<>();
      for (DatasetCodec c : ServiceLoader.load(DatasetCodec.class, StructuredDatasets.class.getClassLoader())) {
        found.putIfAbsent(c.format().toLowerCase(Locale.ROOT), c);
      }
      return Map.copyOf(found);
    }
  }
}
