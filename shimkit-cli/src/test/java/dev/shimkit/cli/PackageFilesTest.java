package dev.shimkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Message;
import dev.shimkit.config.SerializationSettings;
import dev.shimkit.errors.FlyteUserException;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageFilesTest {
  static SerializedEntity task(String name) {
    return SerializedEntity.of(TaskSpec.newBuilder().setTemplate(TaskTemplate.newBuilder().setType("python-task")
        .setId(Identifier.newBuilder().setResourceType(ResourceType.TASK).setName(name))).build());
  }

  static SerializedEntity workflow(String name) {
    return SerializedEntity.of(WorkflowSpec.newBuilder().setTemplate(WorkflowTemplate.newBuilder()
        .setId(Identifier.newBuilder().setResourceType(ResourceType.WORKFLOW).setName(name))).build());
  }

  static SerializedEntity launchPlan(String name) {
    return SerializedEntity.of(LaunchPlan.newBuilder().setId(Identifier.newBuilder()
        .setResourceType(ResourceType.LAUNCH_PLAN).setName(name)).setSpec(LaunchPlanSpec.newBuilder()
        .setWorkflowId(Identifier.newBuilder().setResourceType(ResourceType.WORKFLOW).setName(name))).build());
  }

  @Test
  void indexIsPaddedToCeilLog10OfTheCount() {
    SerializedEntity t = task("a.b");
    assertThat(PackageFiles.fileName(0, 1, t)).isEqualTo("0_a.b_1.pb");
    assertThat(PackageFiles.fileName(9, 10, t)).isEqualTo("9_a.b_1.pb");
    assertThat(PackageFiles.fileName(3, 11, t)).isEqualTo("03_a.b_1.pb");
    assertThat(PackageFiles.fileName(99, 100, t)).isEqualTo("99_a.b_1.pb");
    assertThat(PackageFiles.fileName(7, 101, t)).isEqualTo("007_a.b_1.pb");
    assertThat(PackageFiles.fileName(2, 3, workflow("wf"))).isEqualTo("2_wf_2.pb");
    assertThat(PackageFiles.fileName(2, 3, launchPlan("lp"))).isEqualTo("2_lp_3.pb");
  }

  @Test
  void archivesOfAllThreeKindsReadBackAsTheirMessagesInOrder(@TempDir Path dir) {
    List<SerializedEntity> entities = List.of(task("t"), workflow("wf"), launchPlan("wf"));
    Path tgz = dir.resolve("p.tar.gz");
    PackageFiles.writeArchive(entities, tgz);
    assertThat(PackageFiles.read(List.of(tgz))).isEqualTo(entities);
    PackageFiles.writeDirectory(entities, dir.resolve("d"));
    assertThat(PackageFiles.read(List.of(dir.resolve("d")))).isEqualTo(entities);
  }

  @Test
  void readsPyflytesOwnFilesSortedByName() {
    Path golden = PackageCommandTest.GOLDEN;
    List<SerializedEntity> read = PackageFiles.read(List.of(golden.resolve("1_pyref_tasks.add_one_1.task_spec.pb"),
        golden.resolve("0_pyref.sqlite_tracks_1.task_spec.pb")));
    assertThat(read).extracting(SerializedEntity::name).containsExactly("pyref.sqlite_tracks", "pyref_tasks.add_one");
    assertThat(read).allMatch(e -> e.kind() == EntityKind.TASK);
  }

  @Test
  void unreadableInputsAreNamed(@TempDir Path dir) throws Exception {
    Path junk = Files.write(dir.resolve("junk_1.pb"), new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});
    assertThatThrownBy(() -> PackageFiles.read(List.of(junk))).isInstanceOf(FlyteUserException.class)
        .hasMessageContaining("junk_1.pb").hasMessageContaining("not a TaskSpec, WorkflowSpec or LaunchPlan");
    Path notTar = Files.writeString(dir.resolve("x.tgz"), "nope");
    assertThatThrownBy(() -> PackageFiles.read(List.of(notTar))).isInstanceOf(FlyteUserException.class)
        .hasMessageContaining("x.tgz");
    assertThatThrownBy(() -> PackageFiles.read(List.of(dir.resolve("x.zip")))).isInstanceOf(FlyteUserException.class)
        .hasMessageContaining("No such file");
  }

  @Test
  void anEntityMetTwiceIsKeptOnceButTwoDifferentOnesUnderOneNameAreAnError() {
    SerializationSettings s = SerializationSettings.forImage("ghcr.io/a/b:1", "v", "p", "d");
    RegistrableEntity a = entity("x", "C.A", TaskSpec.newBuilder().setTemplate(TaskTemplate.newBuilder().setType("a")).build());
    RegistrableEntity same = entity("x", "C.B", TaskSpec.newBuilder().setTemplate(TaskTemplate.newBuilder().setType("a")).build());
    RegistrableEntity other = entity("x", "C.C", TaskSpec.newBuilder().setTemplate(TaskTemplate.newBuilder().setType("b")).build());
    assertThat(PackageFiles.serialize(List.of(a, same), s)).hasSize(1);
    assertThatThrownBy(() -> PackageFiles.serialize(List.of(a, other), s)).isInstanceOf(FlyteUserException.class)
        .hasMessageContaining("C.A").hasMessageContaining("C.C").hasMessageContaining("'x'");
  }

  private static RegistrableEntity entity(String name, String location, Message spec) {
    return new RegistrableEntity() {
      @Override
      public EntityKind kind() {
        return EntityKind.TASK;
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public String location() {
        return location;
      }

      @Override
      public Message serialize(SerializationSettings settings) {
        return spec;
      }
    };
  }
}
