package dev.shimkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.task.JavaTask;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityFinderTest {
  private static final String PYREF = "dev.shimkit.cli.fixtures.pyref";

  private static List<RegistrableEntity> find(String... packages) {
    return EntityFinder.of(List.of(packages), List.of(), EntityFinderTest.class.getClassLoader()).find();
  }

  @Test
  void findsPublicStaticTasksIncludingNestedClassesInLocationOrder() {
    List<RegistrableEntity> found = find(PYREF);
    assertThat(found).extracting(RegistrableEntity::location).containsExactly(
        PYREF + ".PyrefTasks$Nested.DOUBLE",
        PYREF + ".PyrefTasks.ADD_ONE",
        PYREF + ".PyrefTasks.FAILING",
        PYREF + ".PyrefTasks.HELLO",
        PYREF + ".PyrefTasks.HOWDY",
        PYREF + ".PyrefTasks.STATS");
    assertThat(found).extracting(RegistrableEntity::name).containsExactly("pyref_tasks.nested_double",
        "pyref_tasks.add_one", "pyref_tasks.failing", "pyref.hello", "pyref.howdy", "pyref_tasks.stats");
    assertThat(found).allMatch(e -> e.kind() == EntityKind.TASK);
  }

  @Test
  void nonPublicFieldsAndAliasesAreNotEntities() {
    assertThat(find(PYREF)).extracting(RegistrableEntity::name)
        .doesNotContain("pyref_tasks.hidden")
        .containsOnlyOnce("pyref_tasks.add_one");
  }

  @Test
  void subpackagesAreScanned() {
    assertThat(find("dev.shimkit.cli.fixtures")).extracting(RegistrableEntity::name)
        .contains("pyref_tasks.add_one", "many.t00", "many.t11");
  }

  @Test
  void nothingFoundNamesPackagesClasspathAndTheRule() {
    assertThatThrownBy(() -> find("dev.shimkit.cli.fixtures.empty", "com.nowhere"))
        .isInstanceOf(FlyteUserException.class)
        .hasMessageContaining("[dev.shimkit.cli.fixtures.empty, com.nowhere]")
        .hasMessageContaining("1 classes scanned")
        .hasMessageContaining("the JVM classpath")
        .hasMessageContaining("public static field");
  }

  @Test
  void taskEntitiesSerializeToTaskSpecsWithDocs() {
    RegistrableEntity stats = find(PYREF).stream().filter(e -> e.name().equals("pyref_tasks.stats")).findFirst()
        .orElseThrow();
    TaskSpec spec = (TaskSpec) stats.serialize(SerializationSettings.forImage("ghcr.io/acme/app:1", "v1", "p", "d"));
    assertThat(spec.getTemplate().getId().getName()).isEqualTo("pyref_tasks.stats");
    assertThat(spec.getDescription().getShortDescription()).isEqualTo("Counts and averages numbers.");
    assertThat(spec.getDescription().getLongDescription().getValue())
        .isEqualTo("Counts and averages numbers.\nThe label is passed through.");
  }

  @Test
  void scansAGivenClasspathInItsOwnClassLoader(@TempDir Path dir) throws Exception {
    Path jar = compileJar(dir, "ext.flows.ExtFlows", """
        package ext.flows;
        import dev.shimkit.task.JavaTask;
        public final class ExtFlows {
          public record In(long x) {}
          public static final JavaTask<In, Long> TRIPLE = JavaTask.of("ext.triple", In.class, Long.class, in -> in.x() * 3);
        }
        """);
    EntityFinder finder = EntityFinder.of(List.of("ext.flows"), List.of(jar), EntityFinderTest.class.getClassLoader());
    List<RegistrableEntity> found = finder.find();
    assertThat(found).extracting(RegistrableEntity::location).containsExactly("ext.flows.ExtFlows.TRIPLE");
    assertThat(finder.classLoader()).isNotSameAs(EntityFinderTest.class.getClassLoader());
    assertThat(finder.classLoader().loadClass("ext.flows.ExtFlows").getClassLoader()).isSameAs(finder.classLoader());
  }

  @Test
  void nothingFoundOnAGivenClasspathListsItsEntries(@TempDir Path dir) throws Exception {
    Path jar = compileJar(dir, "ext.flows.Nothing", "package ext.flows; public final class Nothing {}");
    assertThatThrownBy(() -> EntityFinder.of(List.of("ext.flows"), List.of(jar), getClass().getClassLoader()).find())
        .isInstanceOf(FlyteUserException.class)
        .hasMessageContaining("--classpath [" + jar + "]");
  }

  @Test
  void missingClasspathEntryAndNoPackagesAreClearErrors(@TempDir Path dir) {
    assertThatThrownBy(() -> EntityFinder.of(List.of("a"), List.of(dir.resolve("gone.jar")), getClass().getClassLoader()))
        .isInstanceOf(FlyteUserException.class).hasMessageContaining("gone.jar does not exist");
    assertThatThrownBy(() -> EntityFinder.of(List.of(), List.of(), getClass().getClassLoader()))
        .isInstanceOf(FlyteUserException.class).hasMessageContaining("--pkgs");
  }

  /** Compiles one source file against shimkit-core and packs it into a jar. */
  static Path compileJar(Path dir, String className, String source) throws Exception {
    Path src = dir.resolve("src").resolve(className.replace('.', '/') + ".java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, source);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String cp = String.join(java.io.File.pathSeparator, codeSource(JavaTask.class), codeSource(TaskSpec.class),
        codeSource(com.google.protobuf.Message.class));
    int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", cp, "--release", "17", src.toString());
    assertThat(rc).as("javac exit code").isZero();
    Path jar = dir.resolve(className.substring(className.lastIndexOf('.') + 1).toLowerCase() + ".jar");
    try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os);
         Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
    }
    return jar;
  }

  private static String codeSource(Class<?> c) throws URISyntaxException {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
