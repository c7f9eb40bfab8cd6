package dev.shimkit.task;

import static dev.shimkit.task.ResourcesTest.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteValidationException;
import flyteidl.core.Tasks;
import flyteidl.core.Tasks.Resources.ResourceName;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ResourceSpecTest {

  private static Path golden() {
    return Path.of(System.getProperty("shimkit.repo.root")).resolve("../shared/golden/flytekit-1.15.4");
  }

  @Test
  void containerResourcesAppendGivenValuesInFlytekitOrder() {
    ResourceSpec spec = new ResourceSpec(
        Resources.builder().mem("1Gi").gpu(1).cpu("500m").ephemeralStorage("10Gi").build(),
        Resources.builder().cpu(2).mem("2Gi").build());

    Tasks.Resources idl = spec.toContainerResources();

    assertThat(idl.getRequestsList()).containsExactly(entry(ResourceName.EPHEMERAL_STORAGE, "10Gi"),
        entry(ResourceName.CPU, "500m"), entry(ResourceName.GPU, "1"), entry(ResourceName.MEMORY, "1Gi"));
    assertThat(idl.getLimitsList()).containsExactly(entry(ResourceName.CPU, "2"), entry(ResourceName.MEMORY, "2Gi"));
  }

  @Test
  void numericZeroIsLeftOutLikeFlytekitsFalsyCheckButTextZeroIsKept() {
    ResourceSpec spec = new ResourceSpec(Resources.builder().gpu(0).cpu("0").build(), null);
    assertThat(spec.toContainerResources().getRequestsList()).containsExactly(entry(ResourceName.CPU, "0"));
  }

  @Test
  void noResourcesSerializeToTheEmptyMessageOfTheGoldenTemplates() throws Exception {
    for (String file : new String[] {"sqlite3_task.task_template.pb", "add_one_task.task_template.pb"}) {
      byte[] goldenBytes = Files.readAllBytes(golden().resolve(file));
      Tasks.TaskTemplate golden = Tasks.TaskTemplate.parseFrom(goldenBytes);
      assertThat(golden.getContainer().hasResources()).isTrue();

      Tasks.TaskTemplate ours = golden.toBuilder().setContainer(golden.getContainer().toBuilder()
          .clearResources().setResources(ResourceSpec.empty().toContainerResources())).build();

      assertThat(ours.toByteArray()).as(file).isEqualTo(goldenBytes);
      assertThat(ResourceSpec.fromIdl(golden.getContainer().getResources())).isEqualTo(ResourceSpec.empty());
    }
  }

  @Test
  void pairInRequestsOrLimitsFailsAtSerialization() {
    ResourceSpec spec = new ResourceSpec(Resources.builder().cpu("1", "2").build(), Resources.empty());
    assertThatThrownBy(spec::toContainerResources)
        .isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("Resources.cpu: (1, 2) is a (request, limit) pair");
    ResourceSpec limits = new ResourceSpec(null, Resources.builder().mem("1Gi", "2Gi").build());
    assertThatThrownBy(limits::toContainerResources).isInstanceOf(FlyteValidationException.class);
  }

  @Test
  void fromMultipleResourceFollowsTheDocumentedRule() {
    ResourceSpec spec = ResourceSpec.fromMultipleResource(
        Resources.builder().cpu("1", "2").mem("4Gi").gpu(1).build());

    assertThat(spec.requests()).isEqualTo(Resources.builder().cpu("1").mem("4Gi").gpu(1).build());
    assertThat(spec.limits()).isEqualTo(Resources.builder().cpu("2").mem("4Gi").gpu(1).build());
    assertThat(spec.toContainerResources().getRequestsList()).containsExactly(entry(ResourceName.CPU, "1"),
        entry(ResourceName.GPU, "1"), entry(ResourceName.MEMORY, "4Gi"));
    assertThat(spec.toContainerResources().getLimitsList()).containsExactly(entry(ResourceName.CPU, "2"),
        entry(ResourceName.GPU, "1"), entry(ResourceName.MEMORY, "4Gi"));
    assertThat(ResourceSpec.fromMultipleResource(Resources.empty()).isEmpty()).isTrue();
  }

  @Test
  void idlRoundTrip() {
    ResourceSpec spec = new ResourceSpec(Resources.builder().cpu("500m").ephemeralStorage("1Gi").build(),
        Resources.builder().mem("2Gi").build());
    Tasks.Resources idl = spec.toContainerResources();
    ResourceSpec back = ResourceSpec.fromIdl(idl);
    assertThat(back).isEqualTo(spec);
    assertThat(back.toContainerResources().toByteArray()).isEqualTo(idl.toByteArray());
  }

  @Test
  void nullsBecomeEmpty() {
    ResourceSpec spec = new ResourceSpec(null, null);
    assertThat(spec.requests()).isSameAs(Resources.empty());
    assertThat(spec.limits()).isSameAs(Resources.empty());
    assertThat(spec.isEmpty()).isTrue();
    assertThat(spec.toContainerResources()).isEqualTo(Tasks.Resources.getDefaultInstance());
    assertThat(new ResourceSpec(Resources.builder().cpu("1").build(), null).isEmpty()).isFalse();
  }
}
