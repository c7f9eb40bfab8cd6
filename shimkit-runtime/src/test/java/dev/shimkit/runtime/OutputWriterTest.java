package dev.shimkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteDataException;
import dev.shimkit.storage.FileAccessProvider;
import flyteidl.core.Errors.ErrorDocument;
import flyteidl.core.Literals.LiteralMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {
  @TempDir Path tmp;

  private static Path golden(String name) {
    return Path.of(System.getProperty("shimkit.repo.root")).resolve("../shared/golden/flytekit-1.15.4").resolve(name);
  }

  private static List<String> listFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void writesOnlyOutputsPbThatParses() throws IOException {
    LiteralMap outputs = LiteralMap.parseFrom(Files.readAllBytes(golden("exec_sqlite3/outputs.pb")));
    OutputWriter w = new OutputWriter(FileAccessProvider.local(tmp.resolve("sandbox")), tmp.resolve("engine"));
    Path prefix = tmp.resolve("data/0");
    String uri = w.writeOutputs(outputs, prefix.toString());
    assertThat(uri).isEqualTo(prefix.resolve("outputs.pb").toString());
    assertThat(listFiles(prefix)).containsExactly("outputs.pb");
    byte[] written = Files.readAllBytes(prefix.resolve("outputs.pb"));
    assertThat(LiteralMap.parseFrom(written)).isEqualTo(outputs);
    assertThat(written).isEqualTo(Files.readAllBytes(golden("exec_sqlite3/outputs.pb")));
    assertThat(w.hasWritten()).isTrue();
  }

  @Test
  void writesErrorDocumentOnly() throws IOException {
    ErrorDocuments docs = new ErrorDocuments(RuntimeEnvironment.from(Map.of()), new Redactor());
    ErrorDocument doc = docs.build(new IllegalStateException("boom"), ExecutionPhase.EXECUTE, "t");
    OutputWriter w = new OutputWriter(FileAccessProvider.local(tmp.resolve("sandbox")), tmp.resolve("engine"));
    Path prefix = tmp.resolve("out");
    w.writeError(doc, docs.errorFileName(), "file://" + prefix);
    assertThat(listFiles(prefix)).containsExactly("error.pb");
    assertThat(ErrorDocument.parseFrom(Files.readAllBytes(prefix.resolve("error.pb")))).isEqualTo(doc);
  }

  @Test
  void secondWriteIsRefused() {
    OutputWriter w = new OutputWriter(FileAccessProvider.local(tmp.resolve("sandbox")), tmp.resolve("engine"));
    Path prefix = tmp.resolve("out");
    w.writeOutputs(LiteralMap.getDefaultInstance(), prefix.toString());
    assertThatThrownBy(() -> w.writeError(ErrorDocument.getDefaultInstance(), "error.pb", prefix.toString()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("exactly one");
    assertThat(Files.exists(prefix.resolve("error.pb"))).isFalse();
  }

  @Test
  void badErrorFileNameIsRefused() {
    OutputWriter w = new OutputWriter(FileAccessProvider.local(tmp.resolve("sandbox")), tmp.resolve("engine"));
    assertThatThrownBy(() -> w.writeError(ErrorDocument.getDefaultInstance(), "../x.pb", tmp.toString()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unwritablePrefixLeavesNoPartialFile() throws IOException {
    Path blocker = Files.writeString(tmp.resolve("blocker"), "a file, not a directory");
    Path prefix = blocker.resolve("out");
    OutputWriter w = new OutputWriter(FileAccessProvider.local(tmp.resolve("sandbox")), tmp.resolve("engine"));
    assertThatThrownBy(() -> w.writeOutputs(LiteralMap.getDefaultInstance(), prefix.toString()))
        .isInstanceOf(FlyteDataException.class)
        .satisfies(e -> assertThat(((FlyteDataException) e).isRecoverable()).isTrue());
    assertThat(Files.readString(blocker)).isEqualTo("a file, not a directory");
    // the staged file is whole; no temporary part files remain anywhere
    assertThat(listFiles(tmp)).noneMatch(p -> p.endsWith(".part")).contains("engine/outputs.pb");
  }
}
