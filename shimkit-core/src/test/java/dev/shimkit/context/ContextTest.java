package dev.shimkit.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.storage.FileAccessProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextTest {

  @Test
  void pushAndPopNestWithTryWithResources(@TempDir Path dir) {
    int before = FlyteContextManager.size();
    FlyteContext base = FlyteContext.root(FileAccessProvider.local(dir));
    try (var outer = FlyteContextManager.push(base)) {
      assertThat(FlyteContext.current()).isSameAs(base);
      FlyteContext inner = base.withInACondition(true);
      try (var scope = FlyteContextManager.push(inner)) {
        assertThat(FlyteContext.current().inACondition()).isTrue();
        assertThat(FlyteContextManager.size()).isEqualTo(before + 2);
      }
      assertThat(FlyteContext.current()).isSameAs(base);
    }
    assertThat(FlyteContextManager.size()).isEqualTo(before);
  }

  @Test
  void threadsStartedInsideATaskSeeItsContext(@TempDir Path dir) throws Exception {
    FlyteContext ctx = FlyteContext.root(FileAccessProvider.local(dir)).withInACondition(true);
    AtomicReference<FlyteContext> seen = new AtomicReference<>();
    try (var scope = FlyteContextManager.push(ctx)) {
      Thread t = new Thread(() -> seen.set(FlyteContext.current()));
      t.start();
      t.join();
    }
    assertThat(seen.get()).isSameAs(ctx);
    assertThat(FlyteContext.current()).isNotSameAs(ctx);
  }

  @Test
  void withMethodsCopyAndDeepen(@TempDir Path dir) {
    FlyteContext root = FlyteContext.root(FileAccessProvider.local(dir));
    ExecutionState state = root.newExecutionState(dir.resolve("w"));
    FlyteContext ctx = root.withExecutionState(state).withFlyteClient("client")
        .withCompilationState(root.newCompilationState("n0-"));
    assertThat(ctx.level()).isEqualTo(3);
    assertThat(root.executionState()).isEmpty();
    assertThat(ctx.executionState()).contains(state);
    assertThat(ctx.compilationState().orElseThrow().prefix()).isEqualTo("n0-");
    assertThat(ctx.flyteClient()).contains("client");
    assertThat(ctx.userSpaceParams().orElseThrow().rawOutputPrefix()).isEqualTo(root.fileAccess().rawOutputPrefix());
    assertThat(state.mode()).isEqualTo(ExecutionState.Mode.LOCAL_TASK_EXECUTION);
    assertThat(state.isLocalExecution()).isTrue();
    assertThat(Files.isDirectory(state.engineDir())).isTrue();
    assertThat(state.engineDir()).isEqualTo(dir.resolve("w/engine_dir"));
    assertThat(state.withMode(ExecutionState.Mode.TASK_EXECUTION).isLocalExecution()).isFalse();
  }

  @Test
  void executionParametersDefaultToALocalRun() {
    ExecutionParameters p = ExecutionParameters.builder().attribute("spark_session", "s").build();
    assertThat(p.executionId().getName()).isEqualTo("local");
    assertThat(p.taskId().getVersion()).isEqualTo("local");
    assertThat(p.attribute("SPARK_SESSION")).contains("s");
    assertThat(p.checkpointPath()).isEmpty();
    assertThat(p.toBuilder().build().attribute("spark_session")).contains("s");
  }

  @Test
  void decksRenderEverySectionEscapingNames(@TempDir Path dir) {
    FlyteContext root = FlyteContext.root(FileAccessProvider.local(dir));
    assertThat(root.getDeck()).isEmpty();
    FlyteContext ctx = root.withExecutionState(root.newExecutionState(dir.resolve("w")));
    Deck.Decks decks = ctx.userSpaceParams().orElseThrow().decks();
    assertThat(decks.isEmpty()).isTrue();
    decks.defaultDeck().append("<b>rows: 3</b>");
    decks.deck("a<b").append("<i>x</i>");
    assertThat(decks.deck("a<b")).isSameAs(decks.all().get(1));
    String html = ctx.getDeck().orElseThrow();
    assertThat(html).contains("<h2>default</h2>").contains("<b>rows: 3</b>").contains("<h2>a&lt;b</h2>").contains("<i>x</i>");
  }

  @Test
  void secretsComeFromEnvThenFiles(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("db/v2"));
    Files.writeString(dir.resolve("db/v2/password"), "  s3cr3t-file\n");
    SecretsManager m = new SecretsManager(Map.of("_FSEC_DB_USER", " admin ", "FLYTE_SECRETS_DEFAULT_DIR", dir.toString(),
        "PGPASSWORD", "from-custom-env"));
    assertThat(m.get("db", "user")).isEqualTo("admin");
    assertThat(m.get("db", "password", "v2", null)).isEqualTo("s3cr3t-file");
    assertThat(m.get("db", "password", "v2", "PGPASSWORD")).isEqualTo("from-custom-env");
    assertThat(m.envVarName("db", "v2", "password")).isEqualTo("_FSEC_DB_V2_PASSWORD");
    assertThat(m.filePath("DB", null, "Key")).isEqualTo(dir.resolve("db/key"));
  }

  @Test
  void aMissingSecretNamesWhereItLookedButNoValue(@TempDir Path dir) {
    SecretsManager m = new SecretsManager(Map.of("FLYTE_SECRETS_DEFAULT_DIR", dir.toString(),
        "FLYTE_SECRETS_ENV_PREFIX", "_X_", "OTHER", "hunter2"));
    assertThatThrownBy(() -> m.get("db", "token"))
        .isInstanceOf(FlyteUserException.class)
        .hasMessageContaining("_X_DB_TOKEN")
        .hasMessageContaining(dir.resolve("db/token").toString())
        .hasMessageNotContaining("hunter2");
  }
}
