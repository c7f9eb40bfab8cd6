package dev.shimkit.workflow;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.errors.FlyteException;
import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.task.Task;
import dev.shimkit.types.TypeEngine;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One local run of a compiled workflow. An event loop on the calling thread starts every node whose upstream
 * nodes succeeded; task attempts run on a pool of {@code parallelism} threads and report back to the loop, so
 * independent nodes overlap. Sub-workflows and launch plans run as child frames; a branch node evaluates its
 * conditions and runs the chosen node in its own frame. Recoverable failures are retried up to the node's
 * retries; a failure stops new nodes (or, with {@link FailurePolicy#FAIL_AFTER_EXECUTABLE_NODES_COMPLETE},
 * only the ones depending on it), waits for running ones, and is reported with every finished node's outputs.
 */
final class LocalRun {
  private final Workflow workflow;
  private final TaskRunner runner;
  private final int parallelism;
  private final FlyteContext context;
  private final BlockingQueue<Runnable> events = new LinkedBlockingQueue<>();
  private final Map<String, LiteralMap> completed = new LinkedHashMap<>();
  private final Map<String, Map<String, Type>> completedTypes = new LinkedHashMap<>();
  private ExecutorService pool;
  private Outcome result;

  sealed interface Outcome {
  }

  record Ok(LiteralMap outputs) implements Outcome {
  }

  record Failed(String nodeId, String what, Throwable cause) implements Outcome {
  }

  LocalRun(Workflow workflow, TaskRunner runner, int parallelism, FlyteContext context) {
    this.workflow = workflow;
    this.runner = runner;
    this.parallelism = parallelism;
    this.context = context;
  }

  LiteralMap execute(LiteralMap inputs) {
    AtomicInteger threads = new AtomicInteger();
    pool = Executors.newFixedThreadPool(parallelism, r -> {
      Thread t = new Thread(r, "shimkit-wf-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      new Frame(workflow, inputs, "", o -> result = o).start();
      while (result == null) {
        events.take().run();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlyteSystemException("Interrupted while running workflow '" + workflow.name() + "'", e);
    } finally {
      pool.shutdownNow();
    }
    if (result instanceof Failed f) {
      throw new WorkflowExecutionException(workflow.name(), f.nodeId(), f.what(), f.cause(), javaOutputs(),
          completed);
    }
    return ((Ok) result).outputs();
  }

  private Map<String, Map<String, Object>> javaOutputs() {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    completed.forEach((id, literals) -> {
      Map<String, Object> values = new LinkedHashMap<>();
      Map<String, Type> types = completedTypes.getOrDefault(id, Map.of());
      literals.getLiteralsMap().forEach((k, l) -> {
        try {
          Type t = types.get(k);
          values.put(k, t == null ? l : TypeEngine.get().toJava(context, l, t));
        } catch (RuntimeException e) {
          values.put(k, l);
        }
      });
      out.put(id, values);
    });
    return out;
  }

  private void post(Runnable event) {
    events.add(event);
  }

  private void record(String qid, Node<?> node, LiteralMap outputs) {
    completed.put(qid, outputs);
    Map<String, Type> types = new LinkedHashMap<>();
    node.outputTypes().forEach((k, lt) -> {
      Type t = node.outputJavaTypes().get(k);
      try {
        types.put(k, t != null ? t : TypeEngine.get().guessJavaType(lt));
      } catch (RuntimeException e) {
        // unknown: reported as a literal
      }
    });
    completedTypes.put(qid, types);
  }

  private void startNode(Frame scope, Node<?> node, String qid, Consumer<Outcome> done) {
    Consumer<Outcome> recording = o -> {
      if (o instanceof Ok ok) {
        record(qid, node, ok.outputs());
      }
      done.accept(o);
    };
    LiteralMap in;
    try {
      in = node.kind() == Node.Kind.BRANCH ? LiteralMap.getDefaultInstance() : scope.resolve(node.bindings());
    } catch (RuntimeException e) {
      done.accept(new Failed(qid, node.entityName(), e));
      return;
    }
    switch (node.kind()) {
      case TASK -> {
        Task task = (Task) node.entity();
        pool.execute(() -> {
          Outcome o = runTask(task, in, qid, node.retries(), node.entityName());
          post(() -> recording.accept(o));
        });
      }
      case SUB_WORKFLOW -> new Frame((Workflow) node.entity(), in, qid + "-", recording).start();
      case LAUNCH_PLAN -> new Frame(((LaunchPlan) node.entity()).workflow(), in, qid + "-", recording).start();
      case BRANCH -> {
        Conditional.Branch branch = (Conditional.Branch) node.entity();
        Node<?> chosen = null;
        try {
          for (Conditional.Case c : branch.cases()) {
            if (c.condition() == null || ConditionEval.eval(c.condition(),
                p -> scope.lookup(p.nodeId(), p.var()))) {
              chosen = c.thenNode();
              break;
            }
          }
        } catch (RuntimeException e) {
          done.accept(new Failed(qid, node.entityName(), e));
          return;
        }
        if (chosen == null) {
          done.accept(new Failed(qid, node.entityName(), new FlyteUserException("USER:ConditionFailed",
              branch.error(), null)));
          return;
        }
        startNode(scope, chosen, qid + "-" + chosen.id(), recording);
      }
      default -> throw new IllegalStateException("unknown node kind " + node.kind());
    }
  }

  private Outcome runTask(Task task, LiteralMap inputs, String qid, int retries, String what) {
    try (FlyteContextManager.Scope s = FlyteContextManager.push(context)) {
      for (int attempt = 0; ; attempt++) {
        try {
          return new Ok(runner.run(task, inputs, qid, attempt));
        } catch (FlyteException e) {
          if (!e.isRecoverable() || attempt >= retries) {
            return new Failed(qid, what + (attempt > 0 ? ", attempt " + (attempt + 1) : ""), e);
          }
        } catch (RuntimeException | Error e) {
          return new Failed(qid, what, e);
        }
      }
    }
  }

  /** One running instance of a workflow graph (the top level, a sub-workflow, a launched plan). */
  private final class Frame {
    private final Workflow.Compiled graph;
    private final FailurePolicy policy;
    private final LiteralMap inputs;
    private final String prefix;
    private final Consumer<Outcome> onDone;
    private final Map<Node<?>, State> states = new LinkedHashMap<>();
    private final Map<String, LiteralMap> outputs = new LinkedHashMap<>();
    private Failed failure;
    private int running;
    private boolean finished;

    private enum State { PENDING, RUNNING, SUCCEEDED, FAILED, SKIPPED }

    Frame(Workflow wf, LiteralMap inputs, String prefix, Consumer<Outcome> onDone) {
      this.graph = wf.compiled();
      this.policy = wf.failurePolicy();
      this.inputs = inputs;
      this.prefix = prefix;
      this.onDone = onDone;
      graph.nodes().forEach(n -> states.put(n, State.PENDING));
    }

    void start() {
      schedule();
      maybeFinish();
    }

    private void schedule() {
      boolean progress = true;
      while (progress) {
        progress = false;
        for (Node<?> n : graph.nodes()) {
          if (states.get(n) != State.PENDING) {
            continue;
          }
          List<Node<?>> up = n.upstream();
          if (up.stream().anyMatch(u -> states.get(u) == State.FAILED || states.get(u) == State.SKIPPED)) {
            states.put(n, State.SKIPPED);
            progress = true;
          } else if (up.stream().allMatch(u -> states.get(u) == State.SUCCEEDED)
              && (failure == null || policy == FailurePolicy.FAIL_AFTER_EXECUTABLE_NODES_COMPLETE)) {
            states.put(n, State.RUNNING);
            running++;
            startNode(this, n, prefix + n.id(), o -> nodeDone(n, o));
          }
        }
      }
    }

    private void nodeDone(Node<?> n, Outcome o) {
      running--;
      if (o instanceof Ok ok) {
        states.put(n, State.SUCCEEDED);
        outputs.put(n.id(), ok.outputs());
      } else {
        states.put(n, State.FAILED);
        if (failure == null) {
          failure = (Failed) o;
        }
      }
      schedule();
      maybeFinish();
    }

    private void maybeFinish() {
      if (finished || running > 0) {
        return;
      }
      finished = true;
      if (failure != null) {
        onDone.accept(failure);
        return;
      }
      try {
        LiteralMap.Builder out = LiteralMap.newBuilder();
        graph.outputs().forEach((name, o) -> out.putLiterals(name, o.value().resolve(this::lookup)));
        onDone.accept(new Ok(out.build()));
      } catch (RuntimeException e) {
        onDone.accept(new Failed(prefix + "end-node", "workflow outputs", e));
      }
    }

    LiteralMap resolve(Map<String, BindingValue> bindings) {
      LiteralMap.Builder b = LiteralMap.newBuilder();
      bindings.forEach((var, v) -> b.putLiterals(var, v.resolve(this::lookup)));
      return b.build();
    }

    Literal lookup(String nodeId, String var) {
      LiteralMap source = Promise.START_NODE_ID.equals(nodeId) ? inputs : outputs.get(nodeId);
      if (source == null || !source.containsLiterals(var)) {
        throw new FlyteSystemException("SYSTEM:MissingValue", "No value for " + nodeId + "." + var
            + " in " + (prefix.isEmpty() ? "the workflow" : "node " + prefix), null, false);
      }
      return source.getLiteralsOrThrow(var);
    }
  }

}
