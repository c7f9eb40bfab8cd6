package dev.shimkit.bench;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.types.TypeEngine;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Task serialization (registration's hot path) and what the entrypoint does before running a template task:
 * parse the template and the inputs, guess Java types from the template's interface, convert the inputs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class TemplateBenchmark {
  private SerializationSettings settings;
  private FlyteContext ctx;
  private Path dir;
  private byte[] templateBytes;
  private byte[] inputBytes;

  @Setup(Level.Trial)
  public void setUp() {
    settings = SerializationSettings.forImage("ghcr.io/acme/tasks:1.0", "v1", "bench", "development");
    dir = BenchData.tempDir("shimkit-bench");
    ctx = BenchData.context(dir);
    templateBytes = BenchTasks.GREET.serializeToModel(settings).toByteArray();
    inputBytes = TypeEngine.get().toLiteralMap(ctx, Map.of("name", "world", "count", 3L),
        Map.of("name", String.class, "count", Long.class), null).toByteArray();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    BenchData.delete(dir);
  }

  /** A JavaTask with records in and out, retries, cache, env and resources to its {@code TaskTemplate} bytes. */
  @Benchmark
  public byte[] serializeJavaTask() {
    return BenchTasks.SUMMARY.serializeToModel(settings).toByteArray();
  }

  /** A customized container task (custom Struct, 12 container args) to its {@code TaskTemplate} bytes. */
  @Benchmark
  public byte[] serializeCustomizedContainerTask() {
    return BenchTasks.GREET.serializeToModel(settings).toByteArray();
  }

  /** Template and inputs bytes to Java input values, by types guessed from the template alone. */
  @Benchmark
  public Map<String, Object> parseTemplateAndInputs() throws Exception {
    TaskTemplate template = TaskTemplate.parseFrom(templateBytes);
    LiteralMap inputs = LiteralMap.parseFrom(inputBytes);
    TypeEngine engine = TypeEngine.get();
    Map<String, Type> types = engine.guessJavaTypes(template.getInterface().getInputs().getVariablesMap());
    Map<String, Object> values = engine.toJavaMap(ctx, "input", inputs, types);
    if (values.size() != 2) {
      throw new IllegalStateException("expected 2 inputs, got " + List.copyOf(values.keySet()));
    }
    return values;
  }
}
