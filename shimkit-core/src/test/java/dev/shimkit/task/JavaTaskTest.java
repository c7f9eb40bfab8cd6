package dev.shimkit.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.errors.TaskExecutionException;
import dev.shimkit.testing.Golden;
import dev.shimkit.testing.SampleTasks;
import dev.shimkit.testing.SampleTasks.AddIn;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Tasks;
import flyteidl.core.Tasks.TaskTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaTaskTest {
  private static final SerializationSettings SETTINGS =
      SerializationSettings.forImage("cr.flyte.org/flyteorg/flytekit:py3.11-1.15.4", "v1", "flytesnacks", "development");

  /**
   * Compared field by field with the template flytekit 1.15.4 wrote for {@code @task def add_one(x: int) -> int}
   * (golden add_one_task.task_template.pb): id, type, interface, metadata apart from the runtime (which names
   * the SDK), security context (none), container image and resources. The args differ only in the program and
   * the resolver: ours run shimkit-execute with the Java default resolver.
   */
  @Test
  void serializesLikeFlytekitsAutoContainerTask() throws Exception {
    TaskTemplate golden = TaskTemplate.parseFrom(Golden.bytes("add_one_task.task_template.pb"));
    TaskTemplate ours = SampleTasks.ADD_ONE.serializeToModel(SETTINGS);

    assertThat(ours.getId()).isEqualTo(golden.getId());
    assertThat(ours.getType()).isEqualTo(golden.getType());
    assertThat(ours.getInterface()).isEqualTo(golden.getInterface());
    assertThat(ours.getMetadata().toBuilder().clearRuntime().build())
        .isEqualTo(golden.getMetadata().toBuilder().clearRuntime().build());
    assertThat(ours.hasSecurityContext()).isEqualTo(golden.hasSecurityContext());
    assertThat(ours.hasCustom()).isFalse();
    assertThat(ours.getConfigMap()).isEqualTo(golden.getConfigMap());
    assertThat(ours.getContainer().getImage()).isEqualTo(golden.getContainer().getImage());
    assertThat(ours.getContainer().getResources()).isEqualTo(golden.getContainer().getResources());
    assertThat(ours.getContainer().getCommandList()).isEmpty();

    List<String> goldenArgs = golden.getContainer().getArgsList();
    List<String> args = ours.getContainer().getArgsList();
    assertThat(args).hasSize(goldenArgs.size());
    assertThat(args.subList(1, 12)).isEqualTo(goldenArgs.subList(1, 12));
    assertThat(args.get(0)).isEqualTo("shimkit-execute");
    assertThat(args.get(12)).isEqualTo("dev.shimkit.resolve.DefaultTaskResolver.INSTANCE");
    assertThat(args.subList(13, 18)).containsExactly("--", "task-module", SampleTasks.class.getName(), "task-name",
        "ADD_ONE");
  }

  @Test
  void containerCarriesEnvResourcesAndMetadata() {
    SerializationSettings settings = SETTINGS.toBuilder().env(Map.of("MODE", "slow", "REGION", "eu")).build();
    TaskTemplate t = SampleTasks.STATS.serializeToModel(settings);
    Tasks.Container c = t.getContainer();
    assertThat(c.getEnvList()).extracting(kv -> kv.getKey() + "=" + kv.getValue())
        .containsExactlyInAnyOrder("MODE=fast", "REGION=eu");
    assertThat(c.getResources().getRequestsList()).extracting(e -> e.getName() + "=" + e.getValue())
        .containsExactly("CPU=500m", "MEMORY=1Gi");
    assertThat(c.getResources().getLimitsList()).isEmpty();
    assertThat(t.getMetadata().getRetries().getRetries()).isEqualTo(2);
    assertThat(t.getInterface().getOutputs().getVariablesMap()).containsOnlyKeys("count", "mean", "sorted");
  }

  @Test
  void runsLocallyWithTypedValues() {
    assertThat(SampleTasks.ADD_ONE.call(new AddIn(41))).isEqualTo(42L);
    SampleTasks.Stats stats = SampleTasks.STATS.call(new SampleTasks.Numbers(List.of(3L, 1L, 2L)));
    assertThat(stats).isEqualTo(new SampleTasks.Stats(3, 2.0, List.of(1L, 2L, 3L)));
  }

  @Test
  void runsLocallyWithNamedValuesAndLiterals() throws Exception {
    assertThat(SampleTasks.ADD_ONE.localExecute(Map.of("x", 1L))).containsEntry("o0", 2L);
    LiteralMap goldenInputs = LiteralMap.parseFrom(Golden.bytes("exec_add_one/inputs.pb"));
    LiteralMap goldenOutputs = LiteralMap.parseFrom(Golden.bytes("exec_add_one/outputs.pb"));
    assertThat(SampleTasks.ADD_ONE.sandboxExecute(FlyteContextManager.current(), goldenInputs)).isEqualTo(goldenOutputs);
  }

  @Test
  void aReturnedLiteralMapPassesThroughUntouched() {
    LiteralMap raw = LiteralMap.newBuilder().putLiterals("o0", Literal.newBuilder().setScalar(Scalar.newBuilder()
        .setPrimitive(Primitive.newBuilder().setStringValue("not even an int"))).build()).build();
    JavaTask<AddIn, Object> passThrough = JavaTask.of("samples.raw", AddIn.class, Object.class, in -> raw);
    assertThat(passThrough.dispatchExecute(FlyteContextManager.current(), LiteralMap.newBuilder()
        .putLiterals("x", Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(
            Primitive.newBuilder().setInteger(1))).build()).build())).isSameAs(raw);
  }

  @Test
  void taskErrorsNameTheTaskAndKeepTheCode() {
    assertThatThrownBy(() -> SampleTasks.FAILING.call(new AddIn(5)))
        .isInstanceOfSatisfying(TaskExecutionException.class, e -> {
          assertThat(e.errorCode()).isEqualTo("USER:QuotaExceeded");
          assertThat(e.isRecoverable()).isFalse();
          assertThat(e.getMessage()).contains("samples.failing").contains("quota of 5 exceeded");
          assertThat(e.getCause()).isInstanceOf(SampleTasks.QuotaExceeded.class);
        });
    assertThatThrownBy(() -> SampleTasks.FLAKY.call(new AddIn(5)))
        .isInstanceOfSatisfying(TaskExecutionException.class, e -> {
          assertThat(e.errorCode()).isEqualTo("USER:Recoverable");
          assertThat(e.isRecoverable()).isTrue();
        });
  }

  @Test
  void badInputsAreRejectedClearly() {
    assertThatThrownBy(() -> SampleTasks.ADD_ONE.localExecute(Map.of("y", 1L)))
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("no input 'y'").hasMessageContaining("[x]");
    assertThatThrownBy(() -> SampleTasks.ADD_ONE.localExecute(Map.of()))
        .hasMessageContaining("missing input 'x'");
    assertThatThrownBy(() -> SampleTasks.ADD_ONE.dispatchExecute(FlyteContextManager.current(), LiteralMap.newBuilder()
        .putLiterals("x", Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(
            Primitive.newBuilder().setStringValue("abc"))).build()).build()))
        .isInstanceOfSatisfying(FlyteSystemException.class, e -> assertThat(e.isRecoverable()).isFalse())
        .hasMessageContaining("pyref_tasks.add_one");
  }

  @Test
  void imagesResolveAgainstTheImageConfig() {
    JavaTask<AddIn, Long> task = JavaTask.of(TaskOptions.builder().name("img").image("{{.image.default.fqn}}:{{.image.default.version}}")
        .build(), AddIn.class, Long.class, in -> in.x());
    assertThat(task.getImage(SETTINGS)).isEqualTo("cr.flyte.org/flyteorg/flytekit:py3.11-1.15.4");
    JavaTask<AddIn, Long> unknown = JavaTask.of(TaskOptions.builder().name("img2").image("{{.image.gpu}}").build(),
        AddIn.class, Long.class, in -> in.x());
    assertThatThrownBy(() -> unknown.getImage(SETTINGS)).hasMessageContaining("gpu").hasMessageContaining("not found");
    assertThat(SampleTasks.ADD_ONE.getImage(SETTINGS)).isEqualTo("cr.flyte.org/flyteorg/flytekit:py3.11-1.15.4");
  }

  @Test
  void unnamedTasksAreNamedAfterTheirLocation() {
    assertThat(Holder.UNNAMED.name()).isEqualTo(Holder.class.getName() + ".UNNAMED");
    assertThat(Holder.UNNAMED.location()).isEqualTo(Holder.class.getName() + ".UNNAMED");
  }

  static final class Holder {
    static final JavaTask<AddIn, Long> UNNAMED = JavaTask.of(TaskOptions.builder().build(), AddIn.class, Long.class,
        in -> in.x());
  }
}
