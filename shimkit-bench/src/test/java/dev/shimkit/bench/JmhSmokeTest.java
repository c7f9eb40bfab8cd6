package dev.shimkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * CI smoke run: one benchmark, in this JVM, one 100 ms iteration. Proves the generated benchmark code and the
 * benchmark list are wired; asserts nothing about speed.
 */
class JmhSmokeTest {
  @Test
  void oneBenchmarkRunsAndReportsAScore() throws Exception {
    Options options = new OptionsBuilder()
        .include(TemplateBenchmark.class.getName() + ".serializeCustomizedContainerTask")
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(100))
        .shouldFailOnError(true)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    assertThat(results).hasSize(1);
    RunResult result = results.iterator().next();
    assertThat(result.getParams().getBenchmark()).endsWith("serializeCustomizedContainerTask");
    assertThat(result.getPrimaryResult().getSampleCount()).isPositive();
    assertThat(result.getPrimaryResult().getScore()).isPositive();
  }
}
