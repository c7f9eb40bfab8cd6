package dev.shimkit.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.image.internal.CanonicalJson;
import dev.shimkit.image.internal.SpecHasher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The id/tag algorithm of docs/imagespec-tag.md: pinned values, sensitivity to every field, content hashing. */
class ImageSpecTagTest {
  @TempDir Path root;

  private ImageSpec.Builder full() throws Exception {
    if (!Files.exists(root.resolve("lib.jar"))) {
      Files.createDirectories(root.resolve("data/sub"));
      Files.writeString(root.resolve("data/b.txt"), "bee");
      Files.writeString(root.resolve("data/sub/a.txt"), "ay");
      Files.writeString(root.resolve("lib.jar"), "not really a jar");
      Files.createDirectories(root.resolve("classes/com/acme"));
      Files.writeString(root.resolve("classes/com/acme/Main.class"), "cafebabe");
    }
    return ImageSpec.builder().name("tagged").sourceRoot(root).baseImage("eclipse-temurin:21-jre").javaVersion(21)
        .registry("localhost:30000").packages(List.of("com.acme:lib:1.0")).aptPackages(List.of("git"))
        .env(Map.of("B", "2", "A", "1")).entrypoint(List.of("java")).commands(List.of("echo hi"))
        .copy(List.of(Path.of("data"))).tagFormat("{spec_hash}-java").jars(List.of(Path.of("lib.jar")))
        .classesDirs(List.of(Path.of("classes"))).jvmFlags(List.of("-Xmx1g")).mainClass("com.acme.Main");
  }

  @Test
  void pinnedValuesNeverChange() throws Exception {
    // Change these only together with docs/imagespec-tag.md: every published image tag depends on them.
    ImageSpec s = ImageSpec.builder().name("pinned").registry("localhost:30000").packages(List.of("a:b:1"))
        .env(Map.of("K", "v")).build();
    assertThat(CanonicalJson.write(SpecHasher.idForm(s))).isEqualTo("{\"name\":\"pinned\",\"java_version\":17,"
        + "\"registry\":\"localhost:30000\",\"platform\":\"linux/amd64\",\"packages\":[\"a:b:1\"],\"env\":{\"K\":\"v\"}}");
    assertThat(s.id()).isEqualTo("jj0tK7mx6m4pNS6eUSgkEy");
    assertThat(s.tag()).as("no files: the tag form equals the id form").isEqualTo("jj0tK7mx6m4pNS6eUSgkEy");
    Files.writeString(root.resolve("f.txt"), "hello");
    ImageSpec withFile = ImageSpec.builder().name("pinned").sourceRoot(root).copy(List.of(Path.of("f.txt")))
        .tagFormat("{spec_hash}-java").build();
    // values computed independently (sha256 + urlsafe base64 of the documented JSON) in docs/imagespec-tag.md
    assertThat(withFile.id()).isEqualTo("ZXvW0axtD4m5CbjLLbTaCv");
    assertThat(withFile.tag()).isEqualTo("FOUrjSXC01af0DoDIq5uO1-java");
  }

  @Test
  void sameSpecSameTagAndIdAcrossInstances() throws Exception {
    ImageSpec a = full().build();
    ImageSpec b = full().build();
    assertThat(a.tag()).isEqualTo(b.tag()).endsWith("-java").hasSize(22 + "-java".length()).doesNotContain("-j-");
    assertThat(a.tag().substring(0, 22)).matches("[A-Za-z0-9_]{22}");
    assertThat(a.id()).isEqualTo(b.id()).hasSize(22);
  }

  @Test
  void mapInsertionOrderDoesNotMatter() throws Exception {
    Map<String, String> ab = new LinkedHashMap<>();
    ab.put("A", "1");
    ab.put("B", "2");
    Map<String, String> ba = new LinkedHashMap<>();
    ba.put("B", "2");
    ba.put("A", "1");
    assertThat(full().env(ab).build().tag()).isEqualTo(full().env(ba).build().tag());
    assertThat(full().env(ab).build().id()).isEqualTo(full().env(ba).build().id());
  }

  @Test
  void everyFieldChangesTheTag() throws Exception {
    String base = full().build().tag();
    List<UnaryOperator<ImageSpec.Builder>> changes = List.of(
        b -> b.name("other"), b -> b.baseImage("eclipse-temurin:17-jre"), b -> b.javaVersion(17),
        b -> b.registry("localhost:30001"), b -> b.platform("linux/arm64"), b -> b.packages(List.of("com.acme:lib:1.1")),
        b -> b.aptPackages(List.of("curl")), b -> b.env(Map.of("A", "1")), b -> b.entrypoint(List.of("sh")),
        b -> b.commands(List.of()), b -> b.copy(List.of()), b -> b.tagFormat("{spec_hash}"), b -> b.jars(List.of()),
        b -> b.classesDirs(List.of()), b -> b.jvmFlags(List.of("-Xmx2g")), b -> b.mainClass("com.acme.Other"));
    for (UnaryOperator<ImageSpec.Builder> change : changes) {
      assertThat(change.apply(full()).build().tag()).isNotEqualTo(base);
    }
  }

  @Test
  void builderSourceRootAndForcePushDoNotCount() throws Exception {
    ImageSpec s = full().build();
    assertThat(full().builder("jib").build().tag()).isEqualTo(s.tag());
    assertThat(s.forcePush().tag()).isEqualTo(s.tag());
    Path elsewhere = Files.createTempDirectory("elsewhere");
    copyTree(root, elsewhere);
    ImageSpec moved = full().sourceRoot(elsewhere).build();
    assertThat(moved.tag()).isEqualTo(s.tag());
    assertThat(moved.id()).isEqualTo(s.id());
  }

  @Test
  void fileContentChangesTheTagButNotTheId() throws Exception {
    ImageSpec before = full().build();
    before.tag();
    for (String file : List.of("data/sub/a.txt", "lib.jar", "classes/com/acme/Main.class")) {
      Files.writeString(root.resolve(file), "changed " + file);
      ImageSpec after = full().build();
      after.tag();
      assertThat(after.tag()).as(file).isNotEqualTo(before.tag());
      assertThat(after.id()).as(file).isEqualTo(before.id());
      before = after;
    }
    Files.writeString(root.resolve("data/new.txt"), "new file in a copied directory");
    assertThat(full().build().tag()).isNotEqualTo(before.tag());
  }

  @Test
  void tagIsComputedOncePerInstance() throws Exception {
    ImageSpec s = full().build();
    String tag = s.tag();
    Files.writeString(root.resolve("data/b.txt"), "changed after the tag was computed");
    assertThat(s.tag()).isEqualTo(tag);
    assertThat(SpecHasher.tag(s, dev.shimkit.image.internal.MavenLocalRepository.defaultRepository()))
        .isNotEqualTo(tag);
  }

  @Test
  void idNeedsNoFilesTagDoes() {
    ImageSpec s = ImageSpec.builder().copy(List.of(Path.of("does-not-exist"))).sourceRoot(root).build();
    assertThat(s.id()).hasSize(22);
    assertThatThrownBy(s::tag).isInstanceOf(FlyteValidationException.class).hasMessageContaining("ImageSpec.copy")
        .hasMessageContaining("does-not-exist");
    assertThatThrownBy(() -> ImageSpec.builder().jars(List.of(root.resolve("x.jar"))).build().tag())
        .hasMessageContaining("ImageSpec.jars");
    assertThatThrownBy(() -> ImageSpec.builder().classesDirs(List.of(root.resolve("nope"))).build().tag())
        .hasMessageContaining("ImageSpec.classes_dirs");
    assertThat(ImageSpec.builder().packages(List.of("no.such.group:nothing:0.0.1")).build().tag())
        .as("release coordinates are immutable: their tag needs no jar").hasSize(22);
    assertThatThrownBy(() -> ImageSpec.builder().packages(List.of("no.such.group:nothing:0.1-SNAPSHOT")).build().tag())
        .hasMessageContaining("no.such.group:nothing:0.1-SNAPSHOT is not in the local Maven repository")
        .hasMessageContaining("mvn dependency:get");
  }

  @Test
  void twoFilesWithOneTargetAreRejected() throws Exception {
    Files.createDirectories(root.resolve("a"));
    Files.createDirectories(root.resolve("b"));
    Files.writeString(root.resolve("a/x.jar"), "1");
    Files.writeString(root.resolve("b/x.jar"), "2");
    assertThatThrownBy(() -> ImageSpec.builder().sourceRoot(root).jars(List.of(Path.of("a/x.jar"), Path.of("b/x.jar")))
        .build().tag()).hasMessageContaining("/app/libs/x.jar");
  }

  @Test
  void baseSpecEntersTheTagByItsImageName() throws Exception {
    ImageSpec base = ImageSpec.builder().name("base").registry("localhost:30000").copy(List.of(Path.of("data")))
        .sourceRoot(root).build();
    Files.createDirectories(root.resolve("data"));
    Files.writeString(root.resolve("data/f"), "1");
    ImageSpec child = ImageSpec.builder().name("child").baseImage(base).build();
    Map<String, Object> form = SpecHasher.tagForm(child, dev.shimkit.image.internal.MavenLocalRepository.defaultRepository());
    assertThat(form.get("base_image")).isEqualTo(base.imageName());
    Files.writeString(root.resolve("data/f"), "2");
    ImageSpec base2 = base.toBuilder().build();
    assertThat(ImageSpec.builder().name("child").baseImage(base2).build().tag()).isNotEqualTo(child.tag());
  }

  @Test
  void snapshotPackagesAreHashedByContent() throws Exception {
    Path repo = root.resolve("m2");
    Path jar = repo.resolve("com/acme/lib/1.0-SNAPSHOT/lib-1.0-SNAPSHOT.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "v1");
    var local = new dev.shimkit.image.internal.MavenLocalRepository(repo);
    ImageSpec s = ImageSpec.builder().packages(List.of("com.acme:lib:1.0-SNAPSHOT")).build();
    String t1 = SpecHasher.tag(s, local);
    Files.writeString(jar, "v2");
    assertThat(SpecHasher.tag(s, local)).isNotEqualTo(t1);
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (var s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }
}
