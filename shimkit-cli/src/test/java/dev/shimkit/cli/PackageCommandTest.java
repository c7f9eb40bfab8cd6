package dev.shimkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.core.Tasks.TaskMetadata;
import flyteidl.core.Tasks.TaskTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageCommandTest {
  static final String PYREF = "dev.shimkit.cli.fixtures.pyref";
  static final String FLYTEKIT_IMAGE = "cr.flyte.org/flyteorg/flytekit:py3.11-1.15.4";
  static final Path GOLDEN = Path.of(System.getProperty("shimkit.repo.root"))
      .resolve("../shared/golden/flytekit-1.15.4/pyflyte_serialize");

  /** Entry names to bytes, in archive order. */
  static Map<String, byte[]> entries(Path tgz) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(tgz); TarArchiveInputStream tar =
        new TarArchiveInputStream(new GZIPInputStream(in))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        assertThat(e.isFile()).as(e.getName() + " is a regular file").isTrue();
        out.put(e.getName(), tar.readAllBytes());
      }
    }
    return out;
  }

  static CliRunner.Result packagePyref(Path out, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("package", "--pkgs", PYREF, "-i", FLYTEKIT_IMAGE,
        "-i", "greeter=ghcr.io/acme/greeter:2.1", "-o", out.toString()));
    args.addAll(List.of(extra));
    return CliRunner.run(args.toArray(String[]::new));
  }

  @Test
  void archiveHoldsOneAdminMessagePerEntityNamedAndOrderedAsPyflyte(@TempDir Path dir) throws Exception {
    Path tgz = dir.resolve("flyte-package.tgz");
    CliRunner.Result r = packagePyref(tgz);
    assertThat(r.code()).as(r.toString()).isZero();
    Map<String, byte[]> entries = entries(tgz);
    assertThat(entries.keySet()).containsExactly(
        "0_pyref_tasks.nested_double_1.pb",
        "1_pyref_tasks.add_one_1.pb",
        "2_pyref_tasks.failing_1.pb",
        "3_pyref.hello_1.pb",
        "4_pyref.howdy_1.pb",
        "5_pyref_tasks.stats_1.pb");
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      TaskSpec spec = TaskSpec.parseFrom(e.getValue());
      TaskTemplate t = spec.getTemplate();
      assertThat(e.getKey()).contains("_" + t.getId().getName() + "_1.pb");
      assertThat(t.getId().getProject()).isEmpty();
      assertThat(t.getId().getDomain()).isEmpty();
      assertThat(t.getId().getVersion()).isEmpty();
      assertThat(spec.getUnknownFields().asMap()).isEmpty();
    }
    TaskSpec howdy = TaskSpec.parseFrom(entries.get("4_pyref.howdy_1.pb"));
    assertThat(howdy.getTemplate().getContainer().getImage()).isEqualTo("ghcr.io/acme/greeter:2.1");
    assertThat(howdy.getTemplate().getType()).isEqualTo("greeting");
    assertThat(r.out()).contains("Packaged 6 entities into " + tgz);
  }

  @Test
  void systemTarReadsTheArchiveInTheSameOrder(@TempDir Path dir) throws Exception {
    Path tgz = dir.resolve("p.tgz");
    assertThat(packagePyref(tgz).code()).isZero();
    Process p = new ProcessBuilder("tar", "-tzf", tgz.toString()).redirectErrorStream(true).start();
    String listing = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(listing).isZero();
    assertThat(listing.lines().toList()).containsExactlyElementsOf(entries(tgz).keySet());
  }

  @Test
  void addOneMatchesFlytekitsGoldenTaskSpecExceptExecutorAndRuntime(@TempDir Path dir) throws Exception {
    Path tgz = dir.resolve("p.tgz");
    assertThat(packagePyref(tgz).code()).isZero();
    TaskSpec ours = TaskSpec.parseFrom(entries(tgz).get("1_pyref_tasks.add_one_1.pb"));
    TaskSpec golden = TaskSpec.parseFrom(Files.readAllBytes(GOLDEN.resolve("1_pyref_tasks.add_one_1.task_spec.pb")));
    TaskTemplate o = ours.getTemplate();
    TaskTemplate g = golden.getTemplate();
    assertThat(o.getId()).isEqualTo(g.getId());
    assertThat(o.getType()).isEqualTo(g.getType());
    assertThat(o.getInterface()).isEqualTo(g.getInterface());
    assertThat(withoutRuntime(o.getMetadata())).isEqualTo(withoutRuntime(g.getMetadata()));
    assertThat(o.getMetadata().getRuntime().getType()).isEqualTo(g.getMetadata().getRuntime().getType());
    assertThat(o.hasCustom()).isEqualTo(g.hasCustom());
    assertThat(o.getConfigMap()).isEqualTo(g.getConfigMap());
    assertThat(o.getSecurityContext()).isEqualTo(g.getSecurityContext());
    assertThat(o.getTaskTypeVersion()).isEqualTo(g.getTaskTypeVersion());
    assertThat(o.getContainer().getImage()).isEqualTo(g.getContainer().getImage());
    assertThat(o.getContainer().getCommandList()).isEqualTo(g.getContainer().getCommandList());
    assertThat(o.getContainer().getEnvList()).isEqualTo(g.getContainer().getEnvList());
    assertThat(o.getContainer().getResources()).isEqualTo(g.getContainer().getResources());
    List<String> oa = o.getContainer().getArgsList();
    List<String> ga = g.getContainer().getArgsList();
    // program, then the same 10 flags and placeholders, then the resolver; "--" before the loader args
    assertThat(oa.get(0)).isEqualTo("shimkit-execute");
    assertThat(oa.subList(1, 12)).isEqualTo(ga.subList(1, 12));
    assertThat(oa.get(13)).isEqualTo(ga.get(13)).isEqualTo("--");
    assertThat(ours.getDescription()).isEqualTo(golden.getDescription());
  }

  @Test
  void elevenOrMoreEntitiesGetTwoDigitIndexesThatSortInOrder(@TempDir Path dir) throws Exception {
    Path tgz = dir.resolve("many.tgz");
    CliRunner.Result r = CliRunner.run("package", "--pkgs", "dev.shimkit.cli.fixtures.many", "-i", "ghcr.io/a/b:1",
        "-o", tgz.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    List<String> names = List.copyOf(entries(tgz).keySet());
    assertThat(names).hasSize(12).first().isEqualTo("00_many.t00_1.pb");
    assertThat(names.get(11)).isEqualTo("11_many.t11_1.pb");
    assertThat(names).isSorted();
  }

  @Test
  void existingOutputNeedsForce(@TempDir Path dir) throws Exception {
    Path tgz = dir.resolve("flyte-package.tgz");
    Files.writeString(tgz, "old");
    CliRunner.Result refused = packagePyref(tgz);
    assertThat(refused.code()).isEqualTo(Shimkit.USAGE);
    assertThat(refused.err()).contains("already exists").contains("--force");
    assertThat(Files.readString(tgz)).isEqualTo("old");
    CliRunner.Result forced = packagePyref(tgz, "--force");
    assertThat(forced.code()).as(forced.toString()).isZero();
    assertThat(entries(tgz)).hasSize(6);
  }

  @Test
  void serializeWritesTheSameFilesIntoADirectory(@TempDir Path dir) throws Exception {
    Path tgz = dir.resolve("p.tgz");
    assertThat(packagePyref(tgz).code()).isZero();
    Path out = dir.resolve("out");
    CliRunner.Result r = CliRunner.run("serialize", "--pkgs", PYREF, "-i", FLYTEKIT_IMAGE, "-i",
        "greeter=ghcr.io/acme/greeter:2.1", "-o", out.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    Map<String, byte[]> archived = entries(tgz);
    try (var files = Files.list(out)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
          .containsExactlyElementsOf(archived.keySet());
    }
    for (Map.Entry<String, byte[]> e : archived.entrySet()) {
      assertThat(Files.readAllBytes(out.resolve(e.getKey()))).isEqualTo(e.getValue());
    }
  }

  @Test
  void badImageOrMissingPlaceholderImageAreReported(@TempDir Path dir) {
    CliRunner.Result noTag = CliRunner.run("package", "--pkgs", PYREF, "-i", "ghcr.io/acme/app", "-o",
        dir.resolve("a.tgz").toString());
    assertThat(noTag.code()).isEqualTo(Shimkit.USAGE);
    assertThat(noTag.err()).contains("--image");
    CliRunner.Result noGreeter = CliRunner.run("package", "--pkgs", PYREF, "-i", FLYTEKIT_IMAGE, "-o",
        dir.resolve("b.tgz").toString());
    assertThat(noGreeter.code()).isEqualTo(Shimkit.ERROR);
    assertThat(noGreeter.err()).contains("greeter");
    assertThat(dir.resolve("b.tgz")).doesNotExist();
  }

  @Test
  void nothingFoundIsAUserError(@TempDir Path dir) {
    CliRunner.Result r = CliRunner.run("package", "--pkgs", "dev.shimkit.cli.fixtures.empty", "-o",
        dir.resolve("x.tgz").toString());
    assertThat(r.code()).isEqualTo(Shimkit.ERROR);
    assertThat(r.err()).contains("No tasks, workflows or launch plans found in packages [dev.shimkit.cli.fixtures.empty]");
  }

  private static TaskMetadata withoutRuntime(TaskMetadata m) {
    return m.toBuilder().clearRuntime().build();
  }

}
