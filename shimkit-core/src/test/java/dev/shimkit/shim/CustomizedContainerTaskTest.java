package dev.shimkit.shim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.context.ExecutionState;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.errors.TaskExecutionException;
import dev.shimkit.internal.Structs;
import dev.shimkit.storage.FileAccessProvider;
import dev.shimkit.task.Task;
import dev.shimkit.task.TaskInterface;
import dev.shimkit.task.TaskOptions;
import dev.shimkit.testing.SampleTasks;
import dev.shimkit.types.TypeEngine;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomizedContainerTaskTest {
  private static final SerializationSettings SETTINGS =
      SerializationSettings.forImage("ghcr.io/acme/default:2.0", "v7", "proj", "dev");

  @Test
  void containerArgsAreTheTwelveOfTheDesign() {
    TaskTemplate t = SampleTasks.HELLO.serializeToModel(SETTINGS);
    assertThat(t.getContainer().getArgsList()).containsExactly("shimkit-execute", "--inputs", "{{.input}}",
        "--output-prefix", "{{.outputPrefix}}", "--raw-output-data-prefix", "{{.rawOutputDataPrefix}}",
        "--resolver", "dev.shimkit.shim.TaskTemplateResolver.INSTANCE", "--", "{{.taskTemplatePath}}",
        SampleTasks.GreetingExecutor.class.getName());
    assertThat(t.getContainer().getCommandList()).isEmpty();
    assertThat(t.getContainer().getImage()).isEqualTo("ghcr.io/acme/greeter:1.0");
    assertThat(t.getType()).isEqualTo("greeting");
    assertThat(t.getId().getName()).isEqualTo("samples.hello");
    assertThat(t.getId().getVersion()).isEqualTo("v7");
    assertThat(t.getConfigMap()).isEmpty();
  }

  @Test
  void customRoundTripsThroughTheTemplate() {
    TaskTemplate t = SampleTasks.SHOUT.serializeToModel(SETTINGS);
    assertThat(Structs.toMap(t.getCustom())).containsExactlyInAnyOrderEntriesOf(Map.of("greeting", "Hey", "shout", true));
    assertThat(ShimTaskExecutor.custom(t, SampleTasks.GreetingConfig.class))
        .isEqualTo(new SampleTasks.GreetingConfig("Hey", true));
  }

  @Test
  void everyTaskWithTheSameExecutorHasTheSameArgs() {
    assertThat(SampleTasks.HELLO.getCommand(SETTINGS)).isEqualTo(SampleTasks.SHOUT.getCommand(SETTINGS));
  }

  @Test
  void runsLocallyThroughItsTemplateAndExecutor() {
    Map<String, Object> out = new SampleTasks.GreetingTask("samples.local", new SampleTasks.GreetingConfig("Hi", false))
        .localExecute(Map.of("name", "Ada", "times", 2L));
    assertThat(out).containsEntry("message", "Hi, Ada!Hi, Ada!").containsEntry("length", 16L);
  }

  @Test
  void localRunsUsePlaceholderSettingsUntilSerialized() {
    SampleTasks.GreetingTask task = new SampleTasks.GreetingTask("samples.lazy", new SampleTasks.GreetingConfig("Yo", false));
    TaskTemplate placeholder = task.taskTemplate();
    assertThat(placeholder.getId().getProject()).isEqualTo("PLACEHOLDER_PROJECT");
    assertThat(placeholder.getId().getDomain()).isEqualTo("LOCAL");
    assertThat(placeholder.getId().getVersion()).isEqualTo("PLACEHOLDER_VERSION");
    TaskTemplate real = task.serializeToModel(SETTINGS);
    assertThat(task.taskTemplate()).isSameAs(real);
  }

  @Test
  void resolverLoadsTheTemplateFromAFileUriAndGivesTheSameOutputs(@TempDir Path dir) throws Exception {
    TaskTemplate template = SampleTasks.HELLO.serializeToModel(SETTINGS);
    Path file = dir.resolve("data/task.pb");
    Files.createDirectories(file.getParent());
    Files.write(file, template.toByteArray());
    Map<String, Object> inputs = Map.of("name", "Grace", "times", 1L);

    FlyteContext base = FlyteContext.root(FileAccessProvider.local(dir.resolve("sandbox")));
    ExecutionState state = ExecutionState.of(ExecutionState.Mode.TASK_EXECUTION, dir.resolve("work"));
    try (var scope = FlyteContextManager.push(base.withExecutionState(state))) {
      List<String> args = TaskTemplateResolver.INSTANCE.loaderArgs(SETTINGS, SampleTasks.HELLO);
      Task loaded = TaskTemplateResolver.INSTANCE.loadTask(List.of(file.toUri().toString(), args.get(1)));
      assertThat(loaded).isInstanceOf(ExecutableTemplateShimTask.class);
      assertThat(loaded.name()).isEqualTo("samples.hello");
      assertThat(dir.resolve("work/task_template.pb")).exists();

      LiteralMap literalInputs = TypeEngine.get().toLiteralMap(scope.context(), inputs,
          Map.of("name", String.class, "times", Long.class), null);
      LiteralMap fromTemplate = loaded.dispatchExecute(scope.context(), literalInputs);
      LiteralMap local = SampleTasks.HELLO.dispatchExecute(scope.context(), literalInputs);
      assertThat(fromTemplate).isEqualTo(local);
      assertThat(TypeEngine.get().toJavaMap(scope.context(), fromTemplate,
          Map.of("message", String.class, "length", Long.class))).containsEntry("message", "Hello, Grace!");
    }
  }

  @Test
  void resolverReportsBadLoaderArgsAndMissingExecutors(@TempDir Path dir) throws Exception {
    assertThat(TaskTemplateResolver.INSTANCE.name()).isEqualTo("task template resolver");
    assertThat(TaskTemplateResolver.INSTANCE.location()).isEqualTo("dev.shimkit.shim.TaskTemplateResolver.INSTANCE");
    assertThat(TaskTemplateResolver.INSTANCE.getAllTasks()).isEmpty();
    assertThatThrownBy(() -> TaskTemplateResolver.INSTANCE.loadTask(List.of("only-one")))
        .isInstanceOf(FlyteUserException.class).hasMessageContaining("expects loader args");
    Path file = dir.resolve("task.pb");
    Files.write(file, SampleTasks.HELLO.serializeToModel(SETTINGS).toByteArray());
    assertThatThrownBy(() -> TaskTemplateResolver.INSTANCE.loadTask(List.of(file.toString(), "com.acme.NoSuchExecutor")))
        .isInstanceOf(FlyteUserException.class).hasMessageContaining("com.acme.NoSuchExecutor");
    assertThatThrownBy(() -> TaskTemplateResolver.INSTANCE.loadTask(List.of(file.toString(), String.class.getName())))
        .hasMessageContaining("does not implement");
    Files.writeString(dir.resolve("junk.pb"), "not a protobuf at all, really not");
    assertThatThrownBy(() -> TaskTemplateResolver.INSTANCE.loadTask(List.of(dir.resolve("junk.pb").toString(),
        SampleTasks.GreetingExecutor.class.getName()))).isInstanceOf(FlyteUserException.class);
  }

  @Test
  void executorFailuresAreUserErrorsNamingTheTask() {
    CustomizedContainerTask<String> broken = new CustomizedContainerTask<>(TaskOptions.named("samples.broken"), "cfg",
        SampleTasks.BrokenExecutor.class, TaskInterface.builder().input("q", String.class).output("r", String.class).build()) {
      @Override
      public Map<String, Object> getCustom(SerializationSettings settings) {
        return Map.of("cfg", taskConfig());
      }
    };
    assertThatThrownBy(() -> broken.localExecute(Map.of("q", "x")))
        .isInstanceOf(TaskExecutionException.class)
        .hasMessageContaining("samples.broken").hasMessageContaining("read-only");
  }

  @Test
  void aNameIsRequired() {
    assertThatThrownBy(() -> new CustomizedContainerTask<>(TaskOptions.builder().build(), "c",
        SampleTasks.BrokenExecutor.class, TaskInterface.builder().build()) {
      @Override
      public Map<String, Object> getCustom(SerializationSettings settings) {
        return Map.of();
      }
    }).hasMessageContaining("explicit name");
  }
}
