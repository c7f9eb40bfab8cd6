package dev.shimkit.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shimkit.context.FlyteContext;
import flyteidl.core.Literals.Literal;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rough figure, printed only (no timing assertion): a List<Long> of 1,000,000 elements to literal bytes and
 * back. Run: {@code mvn -B -q verify -pl shimkit-core -Dtest=ListThroughputTest}.
 */
class ListThroughputTest {
  @TempDir
  Path tmp;

  @Test
  void millionLongsToBytesAndBack() throws Exception {
    TypeEngine engine = TypeEngine.get();
    FlyteContext ctx = GoldenFixtures.context(tmp);
    Type type = Types.listOf(Long.class);
    List<Long> values = new ArrayList<>(1_000_000);
    for (long i = 0; i < 1_000_000; i++) {
      values.add(i * 7919 - 500_000);
    }
    List<?> back = null;
    int size = 0;
    for (int round = 0; round < 3; round++) { // the first rounds warm the JIT
      long t0 = System.nanoTime();
      byte[] bytes = engine.toLiteral(ctx, values, type, null).toByteArray();
      long t1 = System.nanoTime();
      back = engine.toJava(ctx, Literal.parseFrom(bytes), type);
      long t2 = System.nanoTime();
      size = bytes.length;
      System.out.printf("List<Long> x 1,000,000 round %d: to literal bytes %d ms, back %d ms, %d bytes%n", round,
          (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, size);
    }
    assertThat(back).isEqualTo(values);
    assertThat(size).isGreaterThan(1_000_000);
  }
}
