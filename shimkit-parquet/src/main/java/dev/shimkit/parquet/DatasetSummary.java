package dev.shimkit.parquet;

import java.nio.file.Path;
import java.util.List;

/**
 * What a committed dataset holds: its directory, the part files in order, the number of rows and the bytes
 * on disk (all part files together).
 */
public record DatasetSummary(Path directory, List<Path> partFiles, long rows, long bytes) {
  public DatasetSummary {
    partFiles = List.copyOf(partFiles);
  }

  public int parts() {
    return partFiles.size();
  }
}
