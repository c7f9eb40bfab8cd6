package dev.shimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.runtime.LocalBackendRunner;
import dev.shimkit.runtime.workflow.BackendTaskRunner;
import dev.shimkit.types.StructuredDataset;
import dev.shimkit.types.StructuredDatasets;
import dev.shimkit.workflow.WorkflowExecutor;
import flyteidl.admin.LaunchPlanOuterClass;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.Workflow.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example workflow (SQLite3Task, Java task, conditional) runs in-process and with every task in its own
 * shimkit-execute process with equal results, and serializes for Flyte.
 */
class PlaylistTest {
  private static final SerializationSettings SETTINGS =
      SerializationSettings.forImage("localhost/shimkit-examples:test", "v1", "examples", "development");
  private static final Map<String, Object> INPUTS = Map.of("min_ms", 250_000L, "limit", 8L);

  @TempDir
  static Path dir;

  @BeforeAll
  static void database() throws Exception {
    System.setProperty(Music.DATABASE_PROPERTY, MusicCatalog.create(dir.resolve("catalog/music.zip")).toString());
  }

  private static List<Object[]> rows(Object dataset) {
    return StructuredDatasets.readAll((StructuredDataset) dataset);
  }

  @Test
  void runsInProcess() {
    Map<String, Object> out = WorkflowExecutor.inProcess().run(Music.PLAYLIST, INPUTS);
    assertThat(out).containsEntry("count", 8L).containsEntry("longest", "Princess of the Dawn")
        .containsEntry("price", 7.92).containsEntry("minutes", 46.29);
    assertThat((String) out.get("label")).startsWith("a long playlist");
    List<Object[]> rows = rows(out.get("tracks"));
    assertThat(rows).hasSize(8);
    assertThat(rows.get(0)).containsExactly(5L, "Princess of the Dawn", "Accept", 375_418L, 0.99, "live favourite");
    assertThat(rows.get(1)[5]).isNull();

    Map<String, Object> fewer = WorkflowExecutor.inProcess().run(Music.PLAYLIST, Map.of("limit", 2L));
    assertThat((String) fewer.get("label")).startsWith("a short playlist");
  }

  @Test
  void runsWithEveryTaskThroughShimkitExecuteWithTheSameResults() {
    String java = ProcessHandle.current().info().command().orElse("java");
    LocalBackendRunner backend = LocalBackendRunner.builder().storageRoot(dir.resolve("storage").toString())
        .workDir(dir.resolve("work")).launcher(List.of(java, "-cp", System.getProperty("java.class.path"),
            "dev.shimkit.runtime.ShimkitExecute")).executionName("test").build();
    Map<String, Object> viaProcesses = WorkflowExecutor.builder().taskRunner(new BackendTaskRunner(backend, SETTINGS))
        .build().run(Music.PLAYLIST, INPUTS);
    Map<String, Object> inProcess = WorkflowExecutor.inProcess().run(Music.PLAYLIST, INPUTS);
    for (String name : List.of("count", "minutes", "price", "longest", "label")) {
      assertThat(viaProcesses.get(name)).as(name).isEqualTo(inProcess.get(name));
    }
    assertThat(((StructuredDataset) viaProcesses.get("tracks")).uri()).startsWith(dir.resolve("storage/raw").toString());
    assertThat(rows(viaProcesses.get("tracks"))).usingRecursiveFieldByFieldElementComparator()
        .containsExactlyElementsOf(rows(inProcess.get("tracks")));
    assertThat(Files.exists(dir.resolve("storage/test/n0/data/task.pb"))).isTrue();
  }

  @Test
  void serializesTheWorkflowAndItsLaunchPlans() {
    WorkflowSpec spec = Music.PLAYLIST.toWorkflowSpec(SETTINGS);
    List<Node> nodes = spec.getTemplate().getNodesList();
    assertThat(nodes).extracting(Node::getId).contains("n0", "n1", "n2");
    Node select = nodes.stream().filter(n -> n.getId().equals("n0")).findFirst().orElseThrow();
    assertThat(select.getTaskNode().getReferenceId().getName()).isEqualTo("music.long_tracks");
    Node branch = nodes.stream().filter(n -> n.getId().equals("n2")).findFirst().orElseThrow();
    assertThat(branch.hasBranchNode()).isTrue();
    assertThat(spec.getTemplate().getInterface().getOutputs().getVariablesMap()).containsKeys("tracks", "label");

    LaunchPlanOuterClass.LaunchPlan weekly = Music.WEEKLY.toLaunchPlan(SETTINGS);
    assertThat(weekly.getId().getName()).isEqualTo("music.weekly_playlist");
    assertThat(weekly.getSpec().getEntityMetadata().getSchedule().getCronSchedule().getSchedule()).isEqualTo("0 6 * * 1");
    assertThat(weekly.getSpec().getFixedInputs().getLiteralsMap()).containsKey("limit");
    assertThat(Music.PLAYLIST.defaultLaunchPlan().toLaunchPlan(SETTINGS).getSpec().getDefaultInputs()
        .getParametersMap()).containsKeys("min_ms", "limit");

    var template = Music.LONG_TRACKS.serializeToModel(SETTINGS);
    assertThat(template.getType()).isEqualTo("sqlite");
    assertThat(template.getCustom().getFieldsMap()).containsKeys("query_template", "uri", "compressed");
    assertThat(template.getCustom().getFieldsMap().get("query_template").getStringValue())
        .doesNotContain("\n").startsWith("select TrackId, Name, Artist");
  }
}
