package dev.shimkit.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.context.ExecutionState;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.image.ImageBuildResult.Status;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The engine's rules against a real registry, with a builder that pushes a real (tiny) image over HTTP. */
class ImageBuildEngineTest {
  @RegisterExtension static final LocalRegistry REGISTRY = new LocalRegistry();
  @TempDir Path tmp;

  /** Pushes {@code name:tag} to the spec's registry and records what it built. */
  static final class PushingBuilder implements ImageSpecBuilder {
    final List<String> built = new ArrayList<>();
    Consumer<ImageSpec> during = s -> { };

    @Override
    public String name() {
      return "pushing";
    }

    @Override
    public int priority() {
      return 7;
    }

    @Override
    public ImageBuildResult build(ImageSpec spec) {
      during.accept(spec);
      try {
        String prefix = spec.registry().orElseThrow().replace(REGISTRY.address(), "").replaceFirst("^/", "");
        String digest = REGISTRY.pushMinimal((prefix.isEmpty() ? "" : prefix + "/") + spec.name(), spec.tag(),
            spec.imageName());
        built.add(spec.imageName());
        return ImageBuildResult.built(spec.imageName(), digest);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private final PushingBuilder pushing = new PushingBuilder();

  private ImageBuildEngine engine(Map<String, String> env) {
    return ImageBuildEngine.of(List.of(new dev.shimkit.image.internal.NoOpBuilder(),
        new dev.shimkit.image.internal.DockerfileBuilder(), pushing), env);
  }

  private ImageSpec spec(String name) {
    return ImageSpec.builder().name(name).registry(REGISTRY.address()).build();
  }

  @Test
  void serviceLoaderFindsTheBuiltInsByPriority() {
    ImageBuildEngine loaded = ImageBuildEngine.load();
    assertThat(loaded.builderNames()).containsSubsequence("dockerfile", "noop");
    assertThat(loaded.builder("noop").priority()).isZero();
    assertThat(loaded.builder("dockerfile").priority()).isEqualTo(1);
    assertThat(engine(Map.of()).builderNames()).containsExactly("pushing", "dockerfile", "noop");
    assertThat(engine(Map.of()).defaultBuilderName()).isEqualTo("pushing");
  }

  @Test
  void unknownBuilderListsTheRegisteredOnes() {
    assertThatThrownBy(() -> engine(Map.of()).build(ImageSpec.builder().builder("jib").build()))
        .isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("'jib' is not registered").hasMessageContaining("[pushing, dockerfile, noop]")
        .hasMessageContaining("shimkit-jib");
    assertThatThrownBy(() -> ImageBuildEngine.of(List.of(), Map.of()).build(ImageSpec.builder().build()))
        .hasMessageContaining("no image builder registered");
  }

  @Test
  void buildsWhenMissingSkipsWhenPresentAndForcePushRebuilds() {
    ImageSpec s = spec("engine-basic");
    ImageBuildEngine engine = engine(Map.of());
    assertThat(s.exist()).isInstanceOf(ImageExistence.Missing.class);
    ImageBuildResult first = engine.build(s);
    assertThat(first.status()).isEqualTo(Status.BUILT);
    assertThat(first.imageName()).isEqualTo(REGISTRY.address() + "/engine-basic:" + s.tag());
    assertThat(s.exist()).isEqualTo(new ImageExistence.Exists(first.digest()));

    ImageBuildResult second = engine.build(s);
    assertThat(second.status()).isEqualTo(Status.EXISTS);
    assertThat(second.digest()).isEqualTo(first.digest());
    assertThat(pushing.built).hasSize(1);

    assertThat(engine.build(s.forcePush()).status()).isEqualTo(Status.BUILT);
    assertThat(engine(Map.of("FLYTE_FORCE_PUSH_IMAGE_SPEC", "True")).build(s).status()).isEqualTo(Status.BUILT);
    assertThat(pushing.built).hasSize(3);
  }

  @Test
  void neverBuildsInsideARunningTask() {
    ImageSpec s = spec("engine-in-task").forcePush();
    var ctx = FlyteContextManager.current();
    try (var scope = FlyteContextManager.push(ctx.withExecutionState(
        ExecutionState.of(ExecutionState.Mode.TASK_EXECUTION, tmp)))) {
      ImageBuildResult r = engine(Map.of()).build(s);
      assertThat(r.status()).isEqualTo(Status.IN_EXECUTION);
      assertThat(r.imageName()).isNull();
    }
    assertThat(pushing.built).isEmpty();
    assertThat(s.exist()).isInstanceOf(ImageExistence.Missing.class);
  }

  @Test
  void unknownExistenceIsAssumedPresentUnlessFastFail() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    ImageSpec s = ImageSpec.builder().name("unreachable").registry("127.0.0.1:" + closed).build();
    ImageBuildResult r = engine(Map.of()).build(s);
    assertThat(r.status()).isEqualTo(Status.ASSUMED_EXISTS);
    assertThat(r.detail()).contains("cannot reach the registry");
    assertThat(pushing.built).isEmpty();
    assertThatThrownBy(() -> engine(Map.of("FLYTE_IMG_FAST_FAIL", "true")).build(s))
        .isInstanceOf(FlyteSystemException.class).hasMessageContaining("Cannot tell whether image")
        .hasMessageContaining("FLYTE_IMG_FAST_FAIL");
    assertThat(engine(Map.of("FLYTE_IMG_FAST_FAIL", "false")).build(s).status()).isEqualTo(Status.ASSUMED_EXISTS);
  }

  @Test
  void baseSpecIsBuiltFirst() {
    ImageSpec base = spec("engine-base");
    ImageSpec child = ImageSpec.builder().name("engine-child").registry(REGISTRY.address()).baseImage(base).build();
    assertThat(engine(Map.of()).build(child).status()).isEqualTo(Status.BUILT);
    assertThat(pushing.built).containsExactly(base.imageName(), child.imageName());
  }

  @Test
  void noopReturnsTheBaseImageAndNeedsOne() {
    ImageSpec s = ImageSpec.builder().builder("noop").baseImage("ghcr.io/acme/app:v1")
        .registry(REGISTRY.address()).build();
    ImageBuildResult r = engine(Map.of()).build(s);
    assertThat(r.status()).isEqualTo(Status.EXISTS);
    assertThat(r.imageName()).isEqualTo("ghcr.io/acme/app:v1").isEqualTo(s.imageName());
    assertThatThrownBy(() -> engine(Map.of()).build(ImageSpec.builder().builder("noop").build()))
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("base_image");
  }

  @Test
  void specWithoutRegistryGoesToTheBuilder() {
    ImageSpecBuilder local = new ImageSpecBuilder() {
      @Override
      public String name() {
        return "local";
      }

      @Override
      public int priority() {
        return 1;
      }

      @Override
      public ImageBuildResult build(ImageSpec spec) {
        return ImageBuildResult.built("local/" + spec.imageName(), null);
      }
    };
    ImageBuildResult r = ImageBuildEngine.of(List.of(local), Map.of()).build(ImageSpec.builder().name("n").build());
    assertThat(r.status()).isEqualTo(Status.BUILT);
    assertThat(r.imageName()).startsWith("local/n:");
  }

  @Test
  void filesChangedDuringTheBuildAreAnError() throws Exception {
    Path f = Files.writeString(tmp.resolve("data.txt"), "before");
    ImageSpec s = ImageSpec.builder().name("engine-moving").registry(REGISTRY.address()).sourceRoot(tmp)
        .copy(List.of(Path.of("data.txt"))).build();
    pushing.during = spec -> {
      try {
        Files.writeString(f, "changed while building");
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    };
    assertThatThrownBy(() -> engine(Map.of()).build(s)).isInstanceOf(FlyteUserException.class)
        .hasMessageContaining("changed while it was built");
  }
}
