package dev.shimkit.examples;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.runtime.LocalBackendRunner;
import dev.shimkit.runtime.workflow.BackendTaskRunner;
import dev.shimkit.types.StructuredDataset;
import dev.shimkit.types.StructuredDatasets;
import dev.shimkit.types.TableCursor;
import dev.shimkit.workflow.WorkflowExecutor;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The README's main job: runs {@link Music#PLAYLIST} end to end with every task in its own
 * {@code shimkit-execute} process, started by the local backend runner exactly as Flyte's backend would
 * start the task's container, and prints the outputs, the dataset's rows and where the data landed.
 *
 * <p>Needs the distribution ({@code mvn -B -q install -DskipTests}); its location is {@code -Dshimkit.home},
 * {@code $SHIMKIT_HOME} or {@code shimkit-dist/target/shimkit} under the working directory.
 */
public final class Demo {
  private Demo() {
  }

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    Path home = distribution();
    Path demo = Files.createTempDirectory("shimkit-demo");
    Path database = MusicCatalog.create(demo.resolve("catalog/music.zip"));
    System.setProperty(Music.DATABASE_PROPERTY, database.toString());

    Path storage = demo.resolve("storage");
    LocalBackendRunner backend = LocalBackendRunner.builder()
        .storageRoot(storage.toString())
        .workDir(demo.resolve("backend"))
        .launcher(List.of(home.resolve("bin/shimkit-execute").toString()))
        .env("SHIMKIT_CLASSPATH", examplesClasspath())
        .executionName("demo")
        .project("examples").domain("development")
        .timeout(Duration.ofMinutes(5))
        .build();
    SerializationSettings settings =
        SerializationSettings.forImage("localhost/shimkit-examples:demo", "demo", "examples", "development");
    WorkflowExecutor executor = WorkflowExecutor.builder().taskRunner(new BackendTaskRunner(backend, settings)).build();

    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("min_ms", 250_000L);
    inputs.put("limit", 8L);
    out.println("Running workflow " + Music.PLAYLIST.name() + " " + inputs + ": every task through "
        + home.resolve("bin/shimkit-execute") + " as a separate process");
    long start = System.nanoTime();
    Map<String, Object> outputs = executor.run(Music.PLAYLIST, inputs);
    out.printf("Done in %.1f s%n%n", (System.nanoTime() - start) / 1e9);

    List<String[]> outputRows = new ArrayList<>();
    outputs.forEach((k, v) -> outputRows.add(new String[] {k, v instanceof StructuredDataset sd
        ? sd.uri() + " (" + sd.fileFormat() + ")" : String.valueOf(v)}));
    table(out, "Workflow outputs", new String[] {"output", "value"}, outputRows);

    StructuredDataset tracks = (StructuredDataset) outputs.get("tracks");
    List<String[]> trackRows = new ArrayList<>();
    String[] header;
    try (TableCursor rows = StructuredDatasets.open(FlyteContextManager.current(), tracks)) {
      header = rows.columns().stream().map(c -> c.name() + " (" + c.type().name().toLowerCase() + ")")
          .toArray(String[]::new);
      while (rows.next()) {
        Object[] row = rows.toArray();
        String[] cells = new String[row.length];
        for (int i = 0; i < row.length; i++) {
          cells[i] = String.valueOf(row[i]);
        }
        trackRows.add(cells);
      }
    }
    table(out, "Rows of the dataset the SQLite3Task wrote (read back from " + tracks.uri() + ")", header, trackRows);

    List<String[]> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(storage)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        files.add(new String[] {storage.relativize(p).toString(), Files.size(p) + " B"});
      }
    }
    table(out, "Where the data landed (storage root " + storage + ")", new String[] {"file", "size"}, files);
    out.println("Task process logs: " + demo.resolve("backend/logs"));
    out.println("Package for Flyte: " + home.resolve("bin/shimkit") + " package --pkgs dev.shimkit.examples"
        + " --classpath " + examplesClasspath() + " -i <image uri> -o flyte-package.tgz");
  }

  private static Path distribution() {
    String configured = System.getProperty("shimkit.home", System.getenv("SHIMKIT_HOME"));
    Path home = Path.of(configured != null ? configured : "shimkit-dist/target/shimkit").toAbsolutePath();
    if (!Files.isExecutable(home.resolve("bin/shimkit-execute"))) {
      throw new IllegalStateException("No shimkit distribution at " + home + ": build it with "
          + "`mvn -B -q install -DskipTests` from the repository root, or point -Dshimkit.home at one");
    }
    return home;
  }

  /** Where the example classes are: what the task processes add to their class path. */
  private static String examplesClasspath() throws URISyntaxException {
    return Path.of(Music.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  private static void table(PrintStream out, String title, String[] header, List<String[]> rows) {
    int[] width = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      width[i] = header[i].length();
      for (String[] r : rows) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    out.println(title);
    StringBuilder line = new StringBuilder("+");
    for (int w : width) {
      line.append("-".repeat(w + 2)).append('+');
    }
    out.println(line);
    out.println(row(header, width));
    out.println(line);
    rows.forEach(r -> out.println(row(r, width)));
    out.println(line);
    out.println();
  }

  private static String row(String[] cells, int[] width) {
    StringBuilder s = new StringBuilder("|");
    for (int i = 0; i < cells.length; i++) {
      s.append(' ').append(cells[i]).append(" ".repeat(width[i] - cells[i].length())).append(" |");
    }
    return s.toString();
  }
}
