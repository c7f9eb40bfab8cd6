package dev.shimkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shimkit.image.ImageSpec;
import dev.shimkit.image.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code shimkit image} against a real registry on 127.0.0.1, building with jib (no Docker daemon). */
class ImageCommandTest {
  @RegisterExtension static final LocalRegistry REGISTRY = new LocalRegistry();
  @TempDir Path dir;

  private Path specFile(String name) throws Exception {
    Files.writeString(dir.resolve("app.txt"), "payload");
    return Files.writeString(dir.resolve(name + ".yaml"), String.join("\n",
        "name: " + name,
        "registry: " + REGISTRY.address(),
        "base_image: scratch",
        "builder: jib",
        "copy:",
        "  - app.txt",
        "env:",
        "  MODE: test",
        ""));
  }

  @Test
  void namesChecksAndBuildsAnImageOnce() throws Exception {
    Path spec = specFile("cli-image");
    String expectedName = ImageSpec.fromYaml(spec).imageName();

    CliRunner.Result name = CliRunner.run(Map.of(), dir, "image", "name", spec.toString());
    assertThat(name.code()).isZero();
    assertThat(name.out().strip()).isEqualTo(expectedName).startsWith(REGISTRY.address() + "/cli-image:");

    CliRunner.Result missing = CliRunner.run(Map.of(), dir, "image", "exists", spec.toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.out()).startsWith("missing " + expectedName);

    CliRunner.Result built = CliRunner.run(Map.of(), dir, "image", "build", spec.toString());
    assertThat(built.code()).as(built.err()).isZero();
    assertThat(built.out()).startsWith(expectedName + "  built  sha256:");

    CliRunner.Result exists = CliRunner.run(Map.of(), dir, "image", "exists", spec.toString());
    assertThat(exists.code()).isZero();
    assertThat(exists.out()).startsWith("exists " + expectedName);

    CliRunner.Result again = CliRunner.run(Map.of(), dir, "image", "build", spec.toString());
    assertThat(again.code()).isZero();
    assertThat(again.out()).startsWith(expectedName + "  exists");
  }

  @Test
  void aBadSpecFileIsAUserError() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: x\nregistry: ghcr.io/acme/app:latest\n");
    CliRunner.Result r = CliRunner.run(Map.of(), dir, "image", "name", bad.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("registry");
  }
}
