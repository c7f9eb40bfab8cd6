package dev.shimkit.types;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.storage.FileAccessProvider;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Java counterparts of the golden te_tasks.py types, and readers for the golden files. */
final class GoldenFixtures {
  private GoldenFixtures() {
  }

  enum Color implements FlyteEnum {
    RED("red"), GREEN("green"), BLUE("blue");

    private final String value;

    Color(String value) {
      this.value = value;
    }

    @Override
    public String flyteValue() {
      return value;
    }
  }

  record Point(long x, double y) {
  }

  record Record(String name, List<Long> values, List<List<Double>> matrix, Optional<String> note, Point origin) {
  }

  static final Map<String, Type> INPUT_TYPES = Map.ofEntries(
      Map.entry("i", long.class), Map.entry("f", double.class), Map.entry("s", String.class),
      Map.entry("b", boolean.class), Map.entry("dt", java.time.Instant.class),
      Map.entry("td", java.time.Duration.class), Map.entry("li", Types.listOf(Long.class)),
      Map.entry("dsf", Types.mapOf(Double.class)), Map.entry("color", Color.class),
      Map.entry("rec", Record.class), Map.entry("opt", Types.optionalOf(Long.class)),
      Map.entry("lrec", Types.listOf(Point.class)), Map.entry("ff", FlyteFile.class));

  static Path golden() {
    return Path.of(System.getProperty("shimkit.repo.root")).resolve("../shared/golden/flytekit-1.15.4");
  }

  static Path echo() {
    return golden().resolve("type_engine_echo");
  }

  static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Literal literal(String name) throws IOException {
    return Literal.parseFrom(bytes(echo().resolve("literals").resolve(name + ".pb")));
  }

  static LiteralMap literalMap(Path p) throws IOException {
    return LiteralMap.parseFrom(bytes(p));
  }

  static TaskTemplate template(Path p) throws IOException {
    return TaskTemplate.parseFrom(bytes(p));
  }

  static FlyteContext context(Path dir) {
    return FlyteContext.root(FileAccessProvider.local(dir));
  }
}
