package dev.shimkit.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.testing.Golden;
import flyteidl.core.Tasks;
import flyteidl.core.Tasks.TaskTemplate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskMetadataTest {

  @Test
  void defaultsSerializeLikeFlytekitApartFromTheRuntime() throws Exception {
    Tasks.TaskMetadata golden = TaskTemplate.parseFrom(Golden.bytes("add_one_task.task_template.pb")).getMetadata();
    Tasks.TaskMetadata ours = TaskMetadata.defaults().toIdl("1.0");
    assertThat(ours.toBuilder().clearRuntime().build()).isEqualTo(golden.toBuilder().clearRuntime().build());
    assertThat(ours.getRuntime().getType()).isEqualTo(Tasks.RuntimeMetadata.RuntimeType.FLYTE_SDK);
    assertThat(ours.getRuntime().getFlavor()).isEqualTo("java");
    assertThat(ours.hasGeneratesDeck()).isTrue();
    assertThat(ours.hasRetries()).isTrue();
  }

  @Test
  void everyFieldRoundTripsThroughTheIdl() {
    TaskMetadata m = TaskMetadata.builder().cache(true).cacheVersion("v2").cacheSerialize(true)
        .cacheIgnoreInputVariables(List.of("seed")).retries(3).timeout(Duration.ofMinutes(5).plusNanos(7))
        .interruptible(true).deprecatedMessage("use v2").podTemplateName("gpu").generatesDeck(true).build();
    Tasks.TaskMetadata idl = m.toIdl("x");
    assertThat(idl.getDiscoverable()).isTrue();
    assertThat(idl.getDiscoveryVersion()).isEqualTo("v2");
    assertThat(idl.getTimeout().getSeconds()).isEqualTo(300);
    assertThat(idl.getTimeout().getNanos()).isEqualTo(7);
    assertThat(idl.getInterruptible()).isTrue();
    assertThat(TaskMetadata.fromIdl(idl)).isEqualTo(m);
    assertThat(m.toBuilder().build()).isEqualTo(m);
  }

  @Test
  void interruptibleIsLeftUnsetWhenNotGiven() {
    assertThat(TaskMetadata.defaults().toIdl("x").getInterruptibleValueCase())
        .isEqualTo(Tasks.TaskMetadata.InterruptibleValueCase.INTERRUPTIBLEVALUE_NOT_SET);
    assertThat(TaskMetadata.fromIdl(TaskMetadata.defaults().toIdl("x")).interruptible()).isNull();
    assertThat(TaskMetadata.defaults().timeoutValue()).isEmpty();
  }

  @Test
  void rejectsInconsistentSettingsWithAFix() {
    assertThatThrownBy(() -> TaskMetadata.builder().cache(true).build())
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("cacheVersion");
    assertThatThrownBy(() -> TaskMetadata.builder().cacheSerialize(true).build())
        .hasMessageContaining("cache(true)");
    assertThatThrownBy(() -> TaskMetadata.builder().cacheIgnoreInputVariables(List.of("a")).build())
        .hasMessageContaining("cache(true)");
    assertThatThrownBy(() -> TaskMetadata.builder().retries(-1).build()).hasMessageContaining("-1");
    assertThatThrownBy(() -> TaskMetadata.builder().timeout(Duration.ZERO).build()).hasMessageContaining("positive");
  }
}
