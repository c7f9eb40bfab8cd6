package dev.shimkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExecuteArgsTest {

  @Test
  void parsesEveryFlag() {
    ExecuteArgs a = ExecuteArgs.parse("--inputs", "s3://b/in.pb", "--output-prefix", "s3://b/out",
        "--raw-output-data-prefix", "s3://b/raw", "--checkpoint-path", "s3://b/ck", "--prev-checkpoint",
        "s3://b/prev", "--test", "--dynamic-addl-distro", "s3://b/code.tgz", "--dynamic-dest-dir", "/root",
        "--resolver", "com.acme.Resolver.INSTANCE", "--", "/data/task.pb", "com.acme.Executor");
    assertThat(a.inputs()).isEqualTo("s3://b/in.pb");
    assertThat(a.outputPrefix()).isEqualTo("s3://b/out");
    assertThat(a.rawOutputDataPrefix()).isEqualTo("s3://b/raw");
    assertThat(a.checkpointPath()).isEqualTo("s3://b/ck");
    assertThat(a.prevCheckpoint()).isEqualTo("s3://b/prev");
    assertThat(a.test()).isTrue();
    assertThat(a.dynamicAddlDistro()).isEqualTo("s3://b/code.tgz");
    assertThat(a.dynamicDestDir()).isEqualTo("/root");
    assertThat(a.resolver()).isEqualTo("com.acme.Resolver.INSTANCE");
    assertThat(a.requireResolver()).isEqualTo("com.acme.Resolver.INSTANCE");
    assertThat(a.resolverArgs()).containsExactly("/data/task.pb", "com.acme.Executor");
    assertThat(ExecuteArgs.parse(a.toArgs())).isEqualTo(a);
  }

  @Test
  void acceptsEqualsForm() {
    ExecuteArgs a = ExecuteArgs.parse("--inputs=/in.pb", "--output-prefix=/out", "--resolver=r.R.X", "--", "x");
    assertThat(a.inputs()).isEqualTo("/in.pb");
    assertThat(a.outputPrefix()).isEqualTo("/out");
    assertThat(a.resolver()).isEqualTo("r.R.X");
    assertThat(a.test()).isFalse();
    assertThat(a.rawOutputDataPrefix()).isNull();
  }

  @Test
  void valueMayContainEqualsAndDashes() {
    ExecuteArgs a = ExecuteArgs.parse("--inputs", "--weird=name", "--output-prefix=s3://b/k=v", "--", "-x");
    assertThat(a.inputs()).isEqualTo("--weird=name");
    assertThat(a.outputPrefix()).isEqualTo("s3://b/k=v");
    assertThat(a.resolverArgs()).containsExactly("-x");
  }

  @Test
  void goldenSqliteContainerArgsParse() {
    // the args flytekit serialized for SQLite3Task, after the backend rendered them on a first attempt
    ExecuteArgs a = ExecuteArgs.parse("--inputs", "/d/inputs.pb", "--output-prefix", "/d/0",
        "--raw-output-data-prefix", "/raw/ab/x", "--resolver",
        "flytekit.core.python_customized_container_task.default_task_template_resolver", "--", "/d/task.pb",
        "flytekit.extras.sqlite3.task.SQLite3TaskExecutor");
    assertThat(a.resolverArgs()).hasSize(2);
    assertThat(a.checkpointPath()).isNull();
  }

  @Test
  void sentinelsBecomeAbsent() {
    ExecuteArgs a = ExecuteArgs.parse("--inputs", "i", "--output-prefix", "o",
        "--raw-output-data-prefix", "{{.rawOutputDataPrefix}}", "--checkpoint-path", "{{.checkpointOutputPrefix}}",
        "--prev-checkpoint", "{{.prevCheckpointPrefix}}", "--", "x");
    assertThat(a.rawOutputDataPrefix()).isNull();
    assertThat(a.checkpointPath()).isNull();
    assertThat(a.prevCheckpoint()).isNull();
  }

  @Test
  void twoQuoteCharactersAndEmptyPrevCheckpointAreAbsent() {
    assertThat(ExecuteArgs.parse("--inputs", "i", "--output-prefix", "o", "--prev-checkpoint", "\"\"", "--", "x")
        .prevCheckpoint()).isNull();
    assertThat(ExecuteArgs.parse("--inputs", "i", "--output-prefix", "o", "--prev-checkpoint", "", "--", "x")
        .prevCheckpoint()).isNull();
    assertThat(ExecuteArgs.parse("--inputs", "i", "--output-prefix", "o", "--prev-checkpoint=", "--", "x")
        .prevCheckpoint()).isNull();
    // only the exact sentinels: other spellings are real values
    assertThat(ExecuteArgs.parse("--inputs", "i", "--output-prefix", "o", "--prev-checkpoint", "\"",
        "--raw-output-data-prefix", "{{ .rawOutputDataPrefix }}", "--", "x"))
        .satisfies(a -> {
          assertThat(a.prevCheckpoint()).isEqualTo("\"");
          assertThat(a.rawOutputDataPrefix()).isEqualTo("{{ .rawOutputDataPrefix }}");
        });
  }

  @Test
  void unknownFlagIsNamedWithTheValidOnes() {
    assertThatThrownBy(() -> ExecuteArgs.parse("--inputs", "i", "--output-prefix", "o", "--bogus", "v", "--", "x"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("'--bogus'")
        .hasMessageContaining("--raw-output-data-prefix")
        .hasMessageContaining("--test");
    assertThatThrownBy(() -> ExecuteArgs.parse("--inputs", "i", "--output-prefix", "o", "--bogus=v", "--", "x"))
        .hasMessageContaining("'--bogus'");
  }

  @Test
  void strayPositionalIsAnError() {
    assertThatThrownBy(() -> ExecuteArgs.parse("--inputs", "i", "--output-prefix", "o", "task.pb", "--", "x"))
        .isInstanceOf(UsageException.class).hasMessageContaining("'task.pb'").hasMessageContaining("after '--'");
  }

  @Test
  void missingRequiredOptions() {
    assertThatThrownBy(() -> ExecuteArgs.parse("--output-prefix", "o", "--", "x"))
        .isInstanceOf(UsageException.class).hasMessageContaining("'--inputs'");
    assertThatThrownBy(() -> ExecuteArgs.parse("--inputs", "i", "--", "x"))
        .isInstanceOf(UsageException.class).hasMessageContaining("'--output-prefix'");
  }

  @Test
  void missingValue() {
    assertThatThrownBy(() -> ExecuteArgs.parse("--output-prefix", "o", "--inputs"))
        .isInstanceOf(UsageException.class).hasMessageContaining("'--inputs' requires a value");
  }

  @Test
  void loaderArgsRequired() {
    assertThatThrownBy(() -> ExecuteArgs.parse("--inputs", "i", "--output-prefix", "o"))
        .isInstanceOf(UsageException.class).hasMessageContaining("after '--'");
    assertThatThrownBy(() -> ExecuteArgs.parse("--inputs", "i", "--output-prefix", "o", "--"))
        .isInstanceOf(UsageException.class).hasMessageContaining("at least one");
  }

  @Test
  void repeatedFlagAndValuedTestAreErrors() {
    assertThatThrownBy(() -> ExecuteArgs.parse("--inputs", "i", "--inputs", "j", "--output-prefix", "o", "--", "x"))
        .isInstanceOf(UsageException.class).hasMessageContaining("more than once");
    assertThatThrownBy(() -> ExecuteArgs.parse("--inputs", "i", "--output-prefix", "o", "--test=yes", "--", "x"))
        .isInstanceOf(UsageException.class).hasMessageContaining("--test");
  }

  @Test
  void resolverRequiredToRunATask() {
    ExecuteArgs a = ExecuteArgs.parse(List.of("--inputs", "i", "--output-prefix", "o", "--", "x"));
    assertThat(a.resolver()).isNull();
    assertThatThrownBy(a::requireResolver).isInstanceOf(UsageException.class).hasMessageContaining("--resolver");
  }

  @Test
  void argsAfterDoubleDashAreNotParsed() {
    ExecuteArgs a = ExecuteArgs.parse("--inputs", "i", "--output-prefix", "o", "--", "--inputs", "--", "z");
    assertThat(a.resolverArgs()).containsExactly("--inputs", "--", "z");
  }
}
