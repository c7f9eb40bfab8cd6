package dev.shimkit.workflow;

import dev.shimkit.errors.FlyteRecoverableException;
import dev.shimkit.task.JavaTask;
import dev.shimkit.task.TaskOptions;
import dev.shimkit.testing.SampleTasks;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Tasks and workflows of the workflow tests, held in static fields as users declare them. */
public final class WfTasks {
  private WfTasks() {
  }

  public record AddIn(long x) {
  }

  public record N(double n) {
  }

  public record Pair(long a, long b) {
  }

  public record SumSub(long sum, long sub) {
  }

  public record Words(String text) {
  }

  public static final JavaTask<AddIn, Long> ADD_ONE =
      JavaTask.of("pyref_tasks.add_one", AddIn.class, Long.class, in -> in.x() + 1);
  public static final JavaTask<N, Double> DOUBLE = JavaTask.of("wf.tasks.double", N.class, Double.class,
      in -> in.n() * 2);
  public static final JavaTask<N, Double> SQUARE = JavaTask.of("wf.tasks.square", N.class, Double.class,
      in -> in.n() * in.n());
  public static final JavaTask<Pair, SumSub> SUM_SUB = JavaTask.of("wf.tasks.sum_sub", Pair.class, SumSub.class,
      in -> new SumSub(in.a() + in.b(), in.a() - in.b()));
  public static final JavaTask<Words, Long> COUNT_WORDS = JavaTask.of("wf.tasks.count_words", Words.class,
      Long.class, in -> (long) in.text().trim().split("\\s+").length);
  public static final JavaTask<AddIn, Long> FAILING = JavaTask.of("wf.tasks.failing", AddIn.class, Long.class,
      in -> {
        throw new SampleTasks.QuotaExceeded("quota of " + in.x() + " exceeded");
      });

  /** Attempts of {@link #FLAKY} per input value, so tests can see retries. */
  public static final Map<Long, AtomicInteger> FLAKY_ATTEMPTS = new ConcurrentHashMap<>();
  public static final JavaTask<AddIn, Long> FLAKY = JavaTask.of(TaskOptions.builder().name("wf.tasks.flaky")
      .retries(2).build(), AddIn.class, Long.class, in -> {
        int attempt = FLAKY_ATTEMPTS.computeIfAbsent(in.x(), k -> new AtomicInteger()).incrementAndGet();
        if (attempt < 3) {
          throw new FlyteRecoverableException("attempt " + attempt + " failed, try again");
        }
        return in.x() * 10;
      });

  /** Both parties must arrive, so two of these finish only when they run at the same time. */
  public static volatile CyclicBarrier barrier = new CyclicBarrier(2);
  /** How long a {@link #MEET} waits for its partner before giving up (short when a test expects that). */
  public static volatile long meetTimeoutMillis = 30_000;
  public static final AtomicInteger RUNNING = new AtomicInteger();
  public static final AtomicInteger MAX_RUNNING = new AtomicInteger();
  public static final JavaTask<AddIn, Long> MEET = JavaTask.of("wf.tasks.meet", AddIn.class, Long.class, in -> {
    barrier.await(meetTimeoutMillis, TimeUnit.MILLISECONDS);
    return in.x();
  });
  public static final JavaTask<AddIn, Long> COUNTED = JavaTask.of("wf.tasks.counted", AddIn.class, Long.class,
      in -> {
        int now = RUNNING.incrementAndGet();
        MAX_RUNNING.accumulateAndGet(now, Math::max);
        try {
          Thread.sleep(20);
        } finally {
          RUNNING.decrementAndGet();
        }
        return in.x();
      });

  /** x -> add_one -> add_one: the chain flytekit's tests use. */
  public static final Workflow CHAIN = Workflow.define("wf.chain", wf -> {
    Promise<Long> x = wf.input("x", Long.class);
    Node<Long> a = wf.call(ADD_ONE, in -> in.set(AddIn::x).to(x));
    Node<Long> b = wf.call(ADD_ONE, in -> in.set(AddIn::x).to(a.output()));
    wf.output("o0", b.output());
  });

  /** flytekit's {@code test_condition_else_fail}. */
  public static final Workflow MULTIPLIER = Workflow.define("wf.multiplier", wf -> {
    Promise<Double> x = wf.input("my_input", Double.class);
    Promise<Double> r = wf.conditional("fractions")
        .when(x.ge(0.1).and(x.le(1.0)), b -> b.call(DOUBLE, in -> in.set(N::n).to(x)).output())
        .orWhen(x.gt(1.0).and(x.le(10.0)), b -> b.call(SQUARE, in -> in.set(N::n).to(x)).output())
        .otherwiseFail("The input must be between 0 and 10");
    wf.output("o0", r);
  });

  /** A sub-workflow with two outputs. */
  public static final Workflow SUB = Workflow.define("wf.sub", wf -> {
    Promise<Long> a = wf.input("a", Long.class);
    Promise<Long> b = wf.input("b", Long.class, 1L);
    Node<SumSub> n = wf.call(SUM_SUB, in -> in.set(Pair::a).to(a).set(Pair::b).to(b));
    wf.output("sum", n.output(SumSub::sum));
    wf.output("sub", n.output(SumSub::sub));
  });

  /** Calls {@link #SUB} and a template task, then branches on the sum. */
  public static final Workflow PARENT = Workflow.builder("wf.parent").docs("parent of sub")
      .input("a", Long.class).output("result", Long.class).define(wf -> {
        Promise<Long> a = wf.input("a", Long.class);
        Node<Map<String, Object>> sub = wf.call(SUB, Map.of("a", a));
        Promise<Long> sum = sub.output("sum", Long.class);
        Node<Map<String, Object>> hello = wf.call(SampleTasks.HELLO, Map.of("name", "flyte", "times", sum));
        Promise<Long> length = hello.output("length", Long.class);
        Promise<Long> result = wf.conditional("big")
            .when(length.gt(20L), b -> b.call(ADD_ONE, in -> in.set(AddIn::x).to(length)).output())
            .otherwise(b -> b.call(ADD_ONE, in -> in.set(AddIn::x).to(sum)).output());
        wf.output("result", result);
      });

  public static final LaunchPlan PARENT_LP = LaunchPlan.builder("wf.parent_lp", PARENT)
      .fixedInput("a", 7L).schedule(Schedule.fixedRate(Duration.ofHours(2))).label("team", "data")
      .maxParallelism(2).build();

  public static final LaunchPlan SUB_DAILY = LaunchPlan.builder("wf.sub_daily", SUB)
      .defaultInput("a", 4L).fixedInput("b", 2L).schedule(Schedule.cron("@daily")).build();

  /** Two independent MEET nodes: they only finish when they overlap. */
  public static final Workflow FAN_OUT = Workflow.define("wf.fan_out", wf -> {
    Promise<Long> x = wf.input("x", Long.class);
    Promise<Long> a = wf.call(MEET, in -> in.set(AddIn::x).to(x)).output();
    Promise<Long> b = wf.call(MEET, in -> in.set(AddIn::x).to(x)).output();
    wf.output("a", a);
    wf.output("b", b);
  });

  public static final Workflow FOUR_COUNTED = Workflow.define("wf.four_counted", wf -> {
    for (long i = 0; i < 4; i++) {
      wf.output("o" + i, wf.call(COUNTED, in -> in.set(AddIn::x).to(7L)).output());
    }
  });

}
