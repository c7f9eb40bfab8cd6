package dev.shimkit.runtime;

import com.google.protobuf.MessageLite;
import dev.shimkit.errors.FlyteDataException;
import dev.shimkit.storage.FileAccessProvider;
import flyteidl.core.Errors.ErrorDocument;
import flyteidl.core.Literals.LiteralMap;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Leaves the result of one task attempt under its output prefix: either {@code outputs.pb} (a
 * {@code LiteralMap}) or an error document, never both and never half a file. Each file is first written whole
 * into the local engine directory (temporary file, then rename) and then uploaded as one object through
 * {@link FileAccessProvider#putData}, whose providers make an upload whole or absent.
 *
 * <p>One writer serves one attempt: a second write is refused.
 */
public final class OutputWriter {
  /** The outputs file Flyte reads. */
  public static final String OUTPUTS_FILE_NAME = "outputs.pb";

  private final FileAccessProvider files;
  private final Path engineDir;
  private final AtomicBoolean written = new AtomicBoolean();

  /**
   * @param files storage access for the output prefix's scheme
   * @param engineDir local directory where files are staged before upload; created if missing
   */
  public OutputWriter(FileAccessProvider files, Path engineDir) {
    this.files = Objects.requireNonNull(files, "files");
    this.engineDir = Objects.requireNonNull(engineDir, "engineDir");
  }

  /** Writes {@code outputs} as {@code <outputPrefix>/outputs.pb}; returns the URI written. */
  public String writeOutputs(LiteralMap outputs, String outputPrefix) {
    return write(outputs, OUTPUTS_FILE_NAME, outputPrefix);
  }

  /**
   * Writes {@code document} as {@code <outputPrefix>/<fileName>} (see {@link ErrorDocuments#errorFileName()});
   * returns the URI written.
   */
  public String writeError(ErrorDocument document, String fileName, String outputPrefix) {
    if (!fileName.equals(ErrorDocuments.ERROR_FILE_NAME) && !fileName.matches("error-[0-9a-f]{32}\\.pb")) {
      throw new IllegalArgumentException("Not an error file name: '" + fileName + "'");
    }
    return write(document, fileName, outputPrefix);
  }

  /** Whether this writer has already written its one file (or tried to). */
  public boolean hasWritten() {
    return written.get();
  }

  private String write(MessageLite message, String fileName, String outputPrefix) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(outputPrefix, "outputPrefix");
    if (!written.compareAndSet(false, true)) {
      throw new IllegalStateException("This attempt's result was already written: an attempt leaves exactly one "
          + "of outputs.pb or an error document");
    }
    Path local = stage(message, fileName);
    String target = FileAccessProvider.join(outputPrefix, fileName);
    return files.putData(local, target, false);
  }

  private Path stage(MessageLite message, String fileName) {
    Path target = engineDir.resolve(fileName);
    Path tmp = null;
    try {
      Files.createDirectories(engineDir);
      tmp = Files.createTempFile(engineDir, "." + fileName, ".part");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        message.writeTo(out);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw FlyteDataException.upload(target.toString(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: a stray temp file in the engine dir is harmless
        }
      }
    }
  }
}
