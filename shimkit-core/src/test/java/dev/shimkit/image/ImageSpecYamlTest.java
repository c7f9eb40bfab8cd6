package dev.shimkit.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSpecYamlTest {
  @TempDir Path dir;

  private Path yaml(String text) throws Exception {
    return Files.writeString(dir.resolve("spec.yaml"), text);
  }

  @Test
  void readsEveryField() throws Exception {
    ImageSpec s = ImageSpec.fromYaml(yaml("""
        name: SQL-Task
        base_image: eclipse-temurin:21-jre
        java_version: 21
        packages: [com.acme:lib:1.0]
        apt_packages: [git]
        env: {B: "2", A: "1"}
        registry: localhost:30000
        platform: linux/arm64
        entrypoint: [java, -version]
        commands: ["echo hi"]
        copy: [data]
        source_root: src
        tag_format: "{spec_hash}-java"
        builder: jib
        jars: [lib/x.jar]
        classes_dirs: [target/classes]
        jvm_flags: [-Xmx1g]
        main_class: com.acme.Main
        """));
    assertThat(s.name()).isEqualTo("sql-task");
    assertThat(s.baseImage()).contains("eclipse-temurin:21-jre");
    assertThat(s.javaVersion()).isEqualTo(21);
    assertThat(s.packages()).containsExactly("com.acme:lib:1.0");
    assertThat(s.aptPackages()).containsExactly("git");
    assertThat(s.env()).isEqualTo(Map.of("A", "1", "B", "2"));
    assertThat(s.registry()).contains("localhost:30000");
    assertThat(s.platform()).isEqualTo("linux/arm64");
    assertThat(s.entrypoint()).containsExactly("java", "-version");
    assertThat(s.commands()).containsExactly("echo hi");
    assertThat(s.copy()).containsExactly(Path.of("data"));
    assertThat(s.sourceRoot()).contains(dir.toAbsolutePath().normalize().resolve("src"));
    assertThat(s.tagFormat()).contains("{spec_hash}-java");
    assertThat(s.builderName()).contains("jib");
    assertThat(s.jars()).containsExactly(Path.of("lib/x.jar"));
    assertThat(s.classesDirs()).containsExactly(Path.of("target/classes"));
    assertThat(s.jvmFlags()).containsExactly("-Xmx1g");
    assertThat(s.mainClass()).contains("com.acme.Main");
  }

  @Test
  void sourceRootDefaultsToTheFilesDirectoryAndNestedBaseSpecs() throws Exception {
    Files.writeString(dir.resolve("f.txt"), "x");
    ImageSpec s = ImageSpec.fromYaml(yaml("""
        name: child
        copy: [f.txt]
        base_image:
          name: base
          registry: localhost:30000
        """));
    assertThat(s.sourceRoot()).contains(dir.toAbsolutePath().normalize());
    assertThat(s.baseImageSpec()).map(ImageSpec::name).contains("base");
    assertThat(s.tag()).isEqualTo(ImageSpec.builder().name("child").sourceRoot(dir).copy(List.of(Path.of("f.txt")))
        .baseImage(ImageSpec.builder().name("base").registry("localhost:30000").build()).build().tag());
  }

  @Test
  void badYamlSaysWhatIsWrong() throws Exception {
    assertThatThrownBy(() -> ImageSpec.fromYaml(yaml("python_version: '3.12'")))
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("java_version");
    assertThatThrownBy(() -> ImageSpec.fromYaml(yaml("pakages: [a:b:1]"))).hasMessageContaining("pakages")
        .hasMessageContaining("known fields").hasMessageContaining("packages");
    assertThatThrownBy(() -> ImageSpec.fromYaml(yaml("packages: a:b:1"))).hasMessageContaining("list of strings");
    assertThatThrownBy(() -> ImageSpec.fromYaml(yaml("env: [a]"))).hasMessageContaining("must map names");
    assertThatThrownBy(() -> ImageSpec.fromYaml(yaml("name: [a]"))).hasMessageContaining("single value");
    assertThatThrownBy(() -> ImageSpec.fromYaml(yaml("java_version: seventeen"))).hasMessageContaining("seventeen");
    assertThatThrownBy(() -> ImageSpec.fromYaml(yaml("- a"))).hasMessageContaining("YAML mapping");
    assertThatThrownBy(() -> ImageSpec.fromYaml(yaml("name: [unclosed"))).hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> ImageSpec.fromYaml(dir.resolve("missing.yaml"))).hasMessageContaining("does not exist");
    assertThatThrownBy(() -> ImageSpec.fromYaml(yaml("registry: ghcr.io/x/y:latest")))
        .hasMessageContaining("invalid container registry");
  }
}
