package dev.shimkit.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.shim.TaskTemplateResolver;
import dev.shimkit.task.Task;
import dev.shimkit.testing.SampleTasks;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolversTest {
  private static final SerializationSettings SETTINGS = SerializationSettings.forImage("repo/img:1", "v1", "p", "d");

  static final class Tracked extends TrackedInstance {
  }

  static final class Holder {
    static final Tracked B = new Tracked();
    static final Tracked A = B;
    static final Tracked C = new Tracked();
  }

  @Test
  void locationIsTheFirstStaticFieldHoldingTheObject() {
    assertThat(Holder.B.instantiatedIn()).contains(Holder.class);
    assertThat(Holder.B.lhs()).isEqualTo("A");
    assertThat(Holder.C.location()).isEqualTo(Holder.class.getName() + ".C");
    assertThat(TrackedInstance.load(Holder.C.location())).isSameAs(Holder.C);
  }

  @Test
  void anObjectOutsideAStaticFieldHasNoLocation() {
    Tracked loose = new Tracked();
    assertThat(loose.instantiatedIn()).contains(ResolversTest.class);
    assertThat(loose.hasLocation()).isFalse();
    assertThatThrownBy(loose::location).isInstanceOf(FlyteSystemException.class)
        .hasMessageContaining("Error looking for LHS in " + ResolversTest.class.getName())
        .hasMessageContaining("public static final");
  }

  @Test
  void loadingBadLocationsSaysWhatIsWrong() {
    assertThatThrownBy(() -> TrackedInstance.load("nodot")).isInstanceOf(FlyteUserException.class)
        .hasMessageContaining("<fully.qualified.Class>.<STATIC_FIELD>");
    assertThatThrownBy(() -> TrackedInstance.load("com.acme.Missing.FIELD")).hasMessageContaining("not on the classpath");
    assertThatThrownBy(() -> TrackedInstance.load(Holder.class.getName() + ".NOPE")).hasMessageContaining("no field 'NOPE'");
    assertThatThrownBy(() -> TrackedInstance.load(SampleTasks.class.getName() + ".")).hasMessageContaining("Invalid location");
  }

  @Test
  void defaultResolverRoundTripsATask() {
    DefaultTaskResolver r = DefaultTaskResolver.INSTANCE;
    assertThat(r.location()).isEqualTo("dev.shimkit.resolve.DefaultTaskResolver.INSTANCE");
    assertThat(r.name()).isEqualTo("DefaultTaskResolver");
    List<String> args = r.loaderArgs(SETTINGS, SampleTasks.STATS);
    assertThat(args).containsExactly("task-module", SampleTasks.class.getName(), "task-name", "STATS");
    Task loaded = r.loadTask(args);
    assertThat(loaded).isSameAs(SampleTasks.STATS);
    assertThat(r.getAllTasks()).isEmpty();
    assertThat(r.taskName(loaded)).isEmpty();
  }

  @Test
  void defaultResolverRejectsMalformedArgsAndNonTasks() {
    assertThatThrownBy(() -> DefaultTaskResolver.INSTANCE.loadTask(List.of("task-module", "x")))
        .isInstanceOf(FlyteUserException.class).hasMessageContaining("task-module <class> task-name <field>");
    assertThatThrownBy(() -> DefaultTaskResolver.INSTANCE.loadTask(List.of("task-module", Holder.class.getName(),
        "task-name", "C"))).hasMessageContaining("not a task");
  }

  @Test
  void resolversAreLoadableByTheirLocation() {
    assertThat(TrackedInstance.load(DefaultTaskResolver.INSTANCE.location())).isSameAs(DefaultTaskResolver.INSTANCE);
    assertThat(TrackedInstance.load(TaskTemplateResolver.INSTANCE.location())).isSameAs(TaskTemplateResolver.INSTANCE);
  }
}
