package dev.shimkit.bench;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.types.TypeEngine;
import dev.shimkit.types.Types;
import flyteidl.core.Literals.LiteralMap;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Java values to {@code LiteralMap} bytes and back through the type engine, as the entrypoint does for inputs
 * and outputs: a {@code List<Long>} of 1,000,000, a {@code Map<String, Double>} of 100,000 and a list of
 * 10,000 records (long, double, String, {@code List<Long>}). {@code toBytes} is value to serialized map,
 * {@code fromBytes} is parse plus conversion back, {@code roundTrip} both, through {@code LiteralMap} messages
 * (what {@code Task.dispatchExecute} takes and gives). The {@code direct} variants use the engine's byte-level
 * conversion ({@code toLiteralMapBytes}, {@code toJavaMap(bytes)}), which writes and reads lists of primitives
 * without a message per element and takes the message path for everything else (so records10k is the same).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class LiteralConversionBenchmark {
  /** Which value: list of 1M longs, map of 100k doubles, list of 10k records. */
  @Param({"longs1M", "doubleMap100k", "records10k"})
  public String shape;

  private TypeEngine engine;
  private FlyteContext ctx;
  private Path dir;
  private Map<String, Object> values;
  private Map<String, Type> types;
  private byte[] bytes;

  @Setup(Level.Trial)
  public void setUp() {
    engine = TypeEngine.get();
    dir = BenchData.tempDir("shimkit-bench");
    ctx = BenchData.context(dir);
    switch (shape) {
      case "longs1M" -> {
        values = Map.of("values", BenchData.longs(1_000_000));
        types = Map.of("values", Types.listOf(Long.class));
      }
      case "doubleMap100k" -> {
        values = Map.of("values", BenchData.doublesByName(100_000));
        types = Map.of("values", Types.mapOf(Double.class));
      }
      case "records10k" -> {
        values = Map.of("values", BenchData.samples(10_000));
        types = Map.of("values", Types.listOf(BenchTasks.Sample.class));
      }
      default -> throw new IllegalArgumentException("unknown shape " + shape);
    }
    bytes = toBytes();
    if (!fromBytes().equals(values) || !roundTripDirect().equals(values)) {
      throw new IllegalStateException(shape + ": the round trip changed the value");
    }
    if (!java.util.Arrays.equals(bytes, toBytesDirect())) {
      throw new IllegalStateException(shape + ": the byte-level conversion wrote other bytes");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    BenchData.delete(dir);
  }

  @Benchmark
  public byte[] toBytes() {
    return engine.toLiteralMap(ctx, values, types, null).toByteArray();
  }

  @Benchmark
  public Map<String, Object> fromBytes() {
    try {
      return engine.toJavaMap(ctx, LiteralMap.parseFrom(bytes), types);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  @Benchmark
  public byte[] toBytesDirect() {
    return engine.toLiteralMapBytes(ctx, "output", values, types, null);
  }

  @Benchmark
  public Map<String, Object> fromBytesDirect() {
    return engine.toJavaMap(ctx, "input", bytes, types);
  }

  @Benchmark
  public Map<String, Object> roundTripDirect() {
    return engine.toJavaMap(ctx, "input", toBytesDirect(), types);
  }

  @Benchmark
  public Map<String, Object> roundTrip() {
    try {
      return engine.toJavaMap(ctx, LiteralMap.parseFrom(toBytes()), types);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }
}
