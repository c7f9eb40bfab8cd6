package dev.shimkit.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.config.Image;
import dev.shimkit.context.ExecutionState;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.errors.FlyteValidationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSpecTest {
  @TempDir Path tmp;

  @Test
  void defaults() {
    ImageSpec s = ImageSpec.builder().build();
    assertThat(s.name()).isEqualTo("shimkit");
    assertThat(s.javaVersion()).isEqualTo(17);
    assertThat(s.platform()).isEqualTo("linux/amd64");
    assertThat(s.registry()).isEmpty();
    assertThat(s.builderName()).isEmpty();
    assertThat(s.isForcePush()).isFalse();
    assertThat(s.packages()).isEmpty();
    assertThat(s.imageName()).isEqualTo("shimkit:" + s.tag());
  }

  @Test
  void nameAndRegistryAreLowerCased() {
    ImageSpec s = ImageSpec.builder().name("My-Task").registry("LocalHost:30000/Team").build();
    assertThat(s.name()).isEqualTo("my-task");
    assertThat(s.registry()).contains("localhost:30000/team");
    assertThat(s.imageName()).isEqualTo("localhost:30000/team/my-task:" + s.tag());
  }

  @Test
  void registryValidatedWithFlytekitsPattern() {
    for (String good : List.of("localhost:30000", "127.0.0.1:5000", "ghcr.io/flyteorg", "docker.io/user/repo",
        "registry.example.com:8443/a_b/c-d")) {
      assertThat(ImageSpec.builder().registry(good).build().registry()).contains(good);
    }
    for (String bad : List.of("ghcr.io/x/y:latest", "https://ghcr.io/x", "ghcr.io/x y", "ghcr.io//x")) {
      assertThatThrownBy(() -> ImageSpec.builder().registry(bad).build())
          .isInstanceOf(FlyteValidationException.class)
          .hasMessageContaining("'" + bad + "'").hasMessageContaining("localhost:30000")
          .hasMessageContaining("ghcr.io/flyteorg");
    }
  }

  @Test
  void badFieldsNameTheFieldAndAFix() {
    assertThatThrownBy(() -> ImageSpec.builder().name("bad name!").build()).hasMessageContaining("ImageSpec.name");
    assertThatThrownBy(() -> ImageSpec.builder().packages(List.of("guava")).build())
        .hasMessageContaining("ImageSpec.packages").hasMessageContaining("group:artifact:version");
    assertThatThrownBy(() -> ImageSpec.builder().platform("amd64").build()).hasMessageContaining("os/arch");
    assertThatThrownBy(() -> ImageSpec.builder().tagFormat("v1").build()).hasMessageContaining("{spec_hash}");
    assertThatThrownBy(() -> ImageSpec.builder().tagFormat("{spec_hash}:x").build())
        .hasMessageContaining("tag_format");
    assertThatThrownBy(() -> ImageSpec.builder().env("A=B", "x").build()).hasMessageContaining("ImageSpec.env");
    assertThatThrownBy(() -> ImageSpec.builder().env("A", "x\ny").build()).hasMessageContaining("one line");
    assertThatThrownBy(() -> ImageSpec.builder().javaVersion(3).build()).hasMessageContaining("java_version");
    assertThatThrownBy(() -> ImageSpec.builder().mainClass("com.acme.").build()).hasMessageContaining("main_class");
    assertThatThrownBy(() -> ImageSpec.builder().entrypoint(List.of("")).build()).hasMessageContaining("entrypoint");
    assertThatThrownBy(() -> ImageSpec.builder().baseImage(" ").build()).hasMessageContaining("base_image");
    assertThatThrownBy(() -> ImageSpec.builder().copy(java.util.Arrays.asList((Path) null)).build())
        .hasMessageContaining("ImageSpec.copy");
    assertThat(ImageSpec.builder().platform("linux/amd64,linux/arm64/v8").build().platform())
        .isEqualTo("linux/amd64,linux/arm64/v8");
  }

  @Test
  void withersReturnNewSpecsAndLeaveTheOriginal() {
    ImageSpec s = ImageSpec.builder().packages(List.of("a:b:1")).build();
    ImageSpec t = s.withPackages("c:d:2").withAptPackages("git").withCommands("echo hi")
        .withCopy(Path.of("data"));
    assertThat(s.packages()).containsExactly("a:b:1");
    assertThat(s.aptPackages()).isEmpty();
    assertThat(t.packages()).containsExactly("a:b:1", "c:d:2");
    assertThat(t.aptPackages()).containsExactly("git");
    assertThat(t.commands()).containsExactly("echo hi");
    assertThat(t.copy()).containsExactly(Path.of("data"));
    assertThat(t).isNotEqualTo(s);
    assertThat(s.toBuilder().build()).isEqualTo(s).hasSameHashCodeAs(s);
    assertThatThrownBy(() -> s.withPackages("nope")).isInstanceOf(FlyteValidationException.class);
  }

  @Test
  void forcePushIsACopyWithTheSameIdentity() {
    ImageSpec s = ImageSpec.builder().registry("localhost:30000").build();
    ImageSpec f = s.forcePush();
    assertThat(f.isForcePush()).isTrue();
    assertThat(s.isForcePush()).isFalse();
    assertThat(f.tag()).isEqualTo(s.tag());
    assertThat(f.id()).isEqualTo(s.id());
  }

  @Test
  void noopImageNameIsTheBaseImage() {
    ImageSpec s = ImageSpec.builder().builder("noop").baseImage("ghcr.io/acme/app:v1").build();
    assertThat(s.imageName()).isEqualTo("ghcr.io/acme/app:v1");
    ImageSpec noBase = ImageSpec.builder().builder("noop").build();
    assertThat(noBase.imageName()).isEqualTo("shimkit:" + noBase.tag());
  }

  @Test
  void toImageGivesAnImageConfigEntry() {
    ImageSpec s = ImageSpec.builder().name("sql").registry("localhost:30000").build();
    Image img = s.toImage("sql");
    assertThat(img.name()).isEqualTo("sql");
    assertThat(img.fqn()).isEqualTo("localhost:30000/sql");
    assertThat(img.tag()).isEqualTo(s.tag());
    assertThat(img.full()).isEqualTo(s.imageName());
  }

  @Test
  void fromEnvTakesTheRunningJavaVersionAndPinsFromTheClassPath() {
    ImageSpec s = ImageSpec.fromEnv(List.of("com.fasterxml.jackson.core:jackson-databind"),
        b -> b.name("env-image"));
    assertThat(s.javaVersion()).isEqualTo(Runtime.version().feature());
    assertThat(s.name()).isEqualTo("env-image");
    assertThat(s.packages()).singleElement().asString()
        .isEqualTo("com.fasterxml.jackson.core:jackson-databind:"
            + com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
    assertThat(ImageSpec.fromEnv(b -> { }).packages()).isEmpty();
    assertThatThrownBy(() -> ImageSpec.fromEnv(b -> b.javaVersion(21)))
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("java_version")
        .hasMessageContaining("running JVM");
    assertThatThrownBy(() -> ImageSpec.fromEnv(List.of("no.such:artifact"), b -> { }))
        .hasMessageContaining("no.such:artifact is not on the class path");
    assertThatThrownBy(() -> ImageSpec.fromEnv(List.of("a:b:1"), b -> { })).hasMessageContaining("group:artifact");
  }

  @Test
  void isContainerComparesImageIdOnlyInsideATaskExecution() {
    ImageSpec s = ImageSpec.builder().name("x").build();
    assertThat(s.isContainer(Map.of())).isTrue();
    var ctx = FlyteContextManager.current();
    try (var scope = FlyteContextManager.push(ctx.withExecutionState(
        ExecutionState.of(ExecutionState.Mode.TASK_EXECUTION, tmp)))) {
      assertThat(s.isContainer(Map.of("_F_IMG_ID", s.id()))).isTrue();
      assertThat(s.isContainer(Map.of("_F_IMG_ID", "other"))).isFalse();
      assertThat(s.isContainer(Map.of())).isFalse();
    }
    try (var scope = FlyteContextManager.push(ctx.withExecutionState(
        ExecutionState.of(ExecutionState.Mode.LOCAL_WORKFLOW_EXECUTION, tmp)))) {
      assertThat(s.isContainer(Map.of())).isTrue();
    }
  }

  @Test
  void existWithoutRegistryIsUnknownWithReason() {
    assertThat(ImageSpec.builder().build().exist()).isInstanceOfSatisfying(ImageExistence.Unknown.class,
        u -> assertThat(u.reason()).contains("no registry set"));
  }
}
