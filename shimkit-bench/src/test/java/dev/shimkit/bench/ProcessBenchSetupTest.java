package dev.shimkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shimkit.runtime.ShimkitExecute;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.storage.FileAccessProvider;
import dev.shimkit.types.StructuredDataset;
import dev.shimkit.types.StructuredDatasets;
import dev.shimkit.types.TableCursor;
import dev.shimkit.types.TypeEngine;
import flyteidl.core.Literals.LiteralMap;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole-process script's cases run through the real entrypoint (here in this JVM) and give the right outputs. */
class ProcessBenchSetupTest {
  @TempDir
  Path dir;

  private LiteralMap run(String caseLine, Path out) throws Exception {
    List<String> words = new ArrayList<>(Arrays.asList(caseLine.split(" ")));
    words.remove(0);
    words.addAll(0, List.of("--output-prefix", out.toString()));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new ShimkitExecute(Map.of(), new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(words.toArray(String[]::new));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.resolve("error.pb")).doesNotExist();
    return LiteralMap.parseFrom(Files.readAllBytes(out.resolve("outputs.pb")));
  }

  @Test
  void everyCaseRunsAndGivesItsOutputs() throws Exception {
    List<String> cases = ProcessBenchSetup.write(dir.resolve("setup"), 2500);
    assertThat(cases).extracting(c -> c.split(" ")[0])
        .containsExactly("java-task", "template-task", "sqlite-3rows", "sqlite-1M");

    LiteralMap added = run(cases.get(0), dir.resolve("out-java"));
    assertThat(added.getLiteralsOrThrow("o0").getScalar().getPrimitive().getInteger()).isEqualTo(42);

    LiteralMap greeted = run(cases.get(1), dir.resolve("out-template"));
    assertThat(greeted.getLiteralsOrThrow("message").getScalar().getPrimitive().getStringValue())
        .isEqualTo("hello world #3");

    FlyteContext ctx = FlyteContext.root(FileAccessProvider.local(dir.resolve("reader")));
    for (int i = 2; i < 4; i++) {
      LiteralMap outputs = run(cases.get(i), dir.resolve("out-sqlite-" + i));
      StructuredDataset results = (StructuredDataset) TypeEngine.get().toJava(ctx,
          outputs.getLiteralsOrThrow("results"), StructuredDataset.class);
      try (TableCursor rows = StructuredDatasets.open(ctx, results)) {
        List<Object[]> all = rows.readAll();
        if (i == 2) {
          assertThat(all).hasSize(3);
          assertThat(all.get(2)).containsExactly(2L, "name-2");
        } else {
          assertThat(all).hasSize(2500);
          assertThat(all.get(2499)).containsExactly(2499L, "name-2499", 1249.5);
        }
      }
    }
  }
}
