package dev.shimkit.image.jib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shimkit.context.ExecutionState;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.image.ImageBuildEngine;
import dev.shimkit.image.ImageBuildResult;
import dev.shimkit.image.ImageBuildResult.Status;
import dev.shimkit.image.ImageExistence;
import dev.shimkit.image.ImageSpec;
import dev.shimkit.image.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** jib builds pushed to a real registry on 127.0.0.1, read back through the registry's HTTP API. */
class JibImageBuilderTest {
  @RegisterExtension static final LocalRegistry REGISTRY = new LocalRegistry();
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path src;

  private Path jar(String name, String content) throws Exception {
    Path jar = src.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      JarEntry e = new JarEntry("com/acme/Data.txt");
      e.setTime(0);
      out.putNextEntry(e);
      out.write(content.getBytes());
      out.closeEntry();
    }
    return jar;
  }

  private ImageSpec spec(String name) throws Exception {
    if (!Files.exists(src.resolve("app.jar"))) {
      jar("app.jar", "payload");
    }
    Files.createDirectories(src.resolve("conf"));
    Files.writeString(src.resolve("conf/app.yaml"), "k: v");
    return ImageSpec.builder().name(name).registry(REGISTRY.address()).baseImage("scratch").sourceRoot(src)
        .jars(List.of(Path.of("app.jar"))).copy(List.of(Path.of("conf"))).env(Map.of("MODE", "test"))
        .entrypoint(List.of("java", "-version")).jvmFlags(List.of("-Xmx256m")).builder("jib").build();
  }

  private JsonNode manifest(String repository, String reference) throws Exception {
    var r = REGISTRY.get(repository + "/manifests/" + reference);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private JsonNode config(String repository, JsonNode manifest) throws Exception {
    var r = REGISTRY.get(repository + "/blobs/" + manifest.get("config").get("digest").asText());
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void buildsFromScratchPushesAndTheRegistryHasWhatTheSpecSays() throws Exception {
    ImageSpec s = spec("jib-basic");
    assertThat(s.exist()).isInstanceOf(ImageExistence.Missing.class);
    ImageBuildResult r = new JibImageBuilder().build(s);
    assertThat(r.status()).isEqualTo(Status.BUILT);
    assertThat(r.imageName()).isEqualTo(REGISTRY.address() + "/jib-basic:" + s.tag());
    assertThat(r.digest()).startsWith("sha256:");
    assertThat(s.exist()).isEqualTo(new ImageExistence.Exists(r.digest()));

    JsonNode manifest = manifest("jib-basic", s.tag());
    assertThat(manifest.get("layers")).as("jars layer + copy layer").hasSize(2);
    JsonNode config = config("jib-basic", manifest);
    List<String> env = new ArrayList<>();
    config.get("config").get("Env").forEach(e -> env.add(e.asText()));
    assertThat(env).contains("_F_IMG_ID=" + s.id(), "MODE=test", "CLASSPATH=/app/classes:/app/libs/*",
        "JDK_JAVA_OPTIONS=-Xmx256m");
    assertThat(config.get("config").get("Entrypoint").toString()).isEqualTo("[\"java\",\"-version\"]");
    assertThat(config.get("config").get("WorkingDir").asText()).isEqualTo("/root");
    assertThat(config.get("architecture").asText()).isEqualTo("amd64");
    assertThat(config.get("os").asText()).isEqualTo("linux");
  }

  @Test
  void sameSpecSameTagSameDigest() throws Exception {
    ImageSpec a = spec("jib-repro");
    ImageBuildResult first = new JibImageBuilder().build(a);
    ImageSpec b = spec("jib-repro");
    assertThat(b.tag()).isEqualTo(a.tag());
    ImageBuildResult second = new JibImageBuilder().build(b);
    assertThat(second.digest()).isEqualTo(first.digest());
    jar("app.jar", "other payload");
    ImageSpec changed = spec("jib-repro");
    assertThat(changed.tag()).isNotEqualTo(a.tag());
    assertThat(new JibImageBuilder().build(changed).digest()).isNotEqualTo(first.digest());
  }

  @Test
  void engineSkipsExistingBuildsForcedAndNeverBuildsInATask() throws Exception {
    ImageBuildEngine engine = ImageBuildEngine.load();
    assertThat(engine.builderNames()).startsWith("jib");
    assertThat(engine.builder("jib").priority()).isEqualTo(5);
    ImageSpec s = spec("jib-engine").toBuilder().builder(null).build();

    var ctx = FlyteContextManager.current();
    try (var scope = FlyteContextManager.push(ctx.withExecutionState(
        ExecutionState.of(ExecutionState.Mode.TASK_EXECUTION, src.resolve("work"))))) {
      assertThat(engine.build(s).status()).isEqualTo(Status.IN_EXECUTION);
    }
    assertThat(s.exist()).as("nothing pushed inside a task").isInstanceOf(ImageExistence.Missing.class);

    ImageBuildResult built = engine.build(s);
    assertThat(built.status()).isEqualTo(Status.BUILT);
    ImageBuildResult again = engine.build(s);
    assertThat(again.status()).isEqualTo(Status.EXISTS);
    assertThat(again.digest()).isEqualTo(built.digest());
    ImageBuildResult forced = engine.build(s.forcePush());
    assertThat(forced.status()).isEqualTo(Status.BUILT);
    assertThat(forced.digest()).isEqualTo(built.digest());
  }

  @Test
  void baseSpecFromTheLoopbackRegistryAndMavenPackagesAndClasses() throws Exception {
    ImageSpec base = spec("jib-base");
    Files.createDirectories(src.resolve("classes/com/acme"));
    Files.writeString(src.resolve("classes/com/acme/Main.class"), "not really bytecode");
    Path repo = src.resolve("m2");
    Path pkg = repo.resolve("com/acme/lib/1.0/lib-1.0.jar");
    Files.createDirectories(pkg.getParent());
    Files.copy(jar("lib.jar", "lib"), pkg);
    ImageSpec child = ImageSpec.builder().name("jib-child").registry(REGISTRY.address()).baseImage(base)
        .sourceRoot(src).packages(List.of("com.acme:lib:1.0")).classesDirs(List.of(Path.of("classes")))
        .mainClass("com.acme.Main").platform("linux/arm64").builder("jib").build();
    JibImageBuilder jib = new JibImageBuilder(new dev.shimkit.image.internal.MavenLocalRepository(repo));
    ImageBuildEngine engine = ImageBuildEngine.of(List.of(jib), Map.of());
    assertThatThrownBy(() -> engine.build(child)).as("base image for amd64 only")
        .isInstanceOf(FlyteSystemException.class).hasMessageContaining("jib could not build");
    ImageSpec amd = child.toBuilder().platform("linux/amd64").build();
    assertThat(engine.build(amd).status()).isEqualTo(Status.BUILT);
    JsonNode manifest = manifest("jib-child", amd.tag());
    assertThat(manifest.get("layers")).as("2 base layers + packages + classes").hasSize(4);
    JsonNode config = config("jib-child", manifest);
    assertThat(config.get("config").get("Entrypoint").toString())
        .isEqualTo("[\"java\",\"-cp\",\"/app/classes:/app/libs/*\",\"com.acme.Main\"]");
    assertThat(config.get("config").get("Env").toString()).contains("_F_IMG_ID=" + amd.id())
        .doesNotContain("_F_IMG_ID=" + base.id()).contains("MODE=test");
  }

  @Test
  void tarOutputAndTarBase() throws Exception {
    ImageSpec s = spec("jib-tar").toBuilder().registry(null).build();
    Path tar = src.resolve("out/image.tar");
    ImageBuildResult r = new JibImageBuilder().buildTar(s, tar);
    assertThat(r.imageName()).isEqualTo("jib-tar:" + s.tag());
    assertThat(tar).isRegularFile();
    ImageSpec fromTar = ImageSpec.builder().name("jib-from-tar").registry(REGISTRY.address())
        .baseImage("tar:" + tar).entrypoint(List.of("/bin/true")).build();
    assertThat(new JibImageBuilder().build(fromTar).status()).isEqualTo(Status.BUILT);
    assertThat(manifest("jib-from-tar", fromTar.tag()).get("layers")).as("the tar's two layers").hasSize(2);
  }

  @Test
  void clearErrors() throws Exception {
    JibImageBuilder jib = new JibImageBuilder();
    ImageSpec s = spec("jib-errors");
    assertThatThrownBy(() -> jib.build(s.withCommands("echo hi"))).isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("cannot run commands").hasMessageContaining("dockerfile");
    assertThatThrownBy(() -> jib.build(s.withAptPackages("git"))).hasMessageContaining("apt_packages=[git]");
    assertThatThrownBy(() -> jib.build(s.toBuilder().registry(null).build())).hasMessageContaining("buildTar");
    assertThatThrownBy(() -> jib.build(s.toBuilder().baseImage("tar:" + src.resolve("none.tar")).build()))
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> jib.build(s.withPackages("com.acme:absent:9"))).hasMessageContaining("com.acme:absent:9");
    assertThatThrownBy(() -> jib.build(s.toBuilder().baseImage(REGISTRY.address() + "/no-such-base:1").build()))
        .isInstanceOf(FlyteSystemException.class).hasMessageContaining("no-such-base");
    assertThat(JibImageBuilder.platforms("linux/amd64,linux/arm64/v8")).hasSize(2);
  }
}
