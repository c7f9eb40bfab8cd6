package dev.shimkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.core.Tasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shimkit package} on a SQLite3Task gives the admin.TaskSpec {@code pyflyte package} wrote for the same
 * task (golden pyflyte_serialize/0_pyref.sqlite_tracks_1.task_spec.pb) in every field except the runtime
 * metadata (which names the SDK) and the three container args that name the program, the resolver and the
 * executor.
 */
class SqliteGoldenPackageTest {
  private static final Path GOLDEN = Path.of(System.getProperty("shimkit.repo.root", "."))
      .resolve("../shared/golden/flytekit-1.15.4/pyflyte_serialize/0_pyref.sqlite_tracks_1.task_spec.pb").normalize();
  @TempDir Path dir;

  @Test
  void packagedSqliteTaskMatchesFlytekitsTaskSpec() throws Exception {
    Path out = dir.resolve("out");
    CliRunner.Result r = CliRunner.run(Map.of(), dir, "serialize", "--pkgs", "dev.shimkit.cli.fixtures.sqlite",
        "-i", "sql=cr.flyte.org/flyteorg/flytekit:py3.11-1.15.4", "-i", "ghcr.io/acme/default:1", "-o", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    TaskSpec ours = TaskSpec.parseFrom(Files.readAllBytes(out.resolve("0_pyref.sqlite_tracks_1.pb")));
    TaskSpec golden = TaskSpec.parseFrom(Files.readAllBytes(GOLDEN));

    List<String> ourArgs = ours.getTemplate().getContainer().getArgsList();
    List<String> goldenArgs = golden.getTemplate().getContainer().getArgsList();
    assertThat(ourArgs).hasSameSizeAs(goldenArgs);
    for (int i = 0; i < goldenArgs.size(); i++) {
      if (i == 0) {
        assertThat(ourArgs.get(i)).isEqualTo("shimkit-execute");
      } else if (i == 8) {
        assertThat(ourArgs.get(i)).isEqualTo("dev.shimkit.shim.TaskTemplateResolver.INSTANCE");
      } else if (i == 11) {
        assertThat(ourArgs.get(i)).isEqualTo("dev.shimkit.sql.SQLite3TaskExecutor");
      } else {
        assertThat(ourArgs.get(i)).as("arg %d", i).isEqualTo(goldenArgs.get(i));
      }
    }
    assertThat(withoutSdkParts(ours)).isEqualTo(withoutSdkParts(golden));
  }

  private static TaskSpec withoutSdkParts(TaskSpec spec) {
    Tasks.TaskTemplate.Builder t = spec.getTemplate().toBuilder();
    t.getMetadataBuilder().clearRuntime();
    t.getContainerBuilder().clearArgs();
    return spec.toBuilder().setTemplate(t).build();
  }
}
