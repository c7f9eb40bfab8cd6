package dev.shimkit.context;

import dev.shimkit.storage.FileAccessProvider;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Holds the stack of {@link FlyteContext}s. Each thread has its own stack; a thread started by task code
 * inherits a copy of its parent's stack at creation (an {@link InheritableThreadLocal}), so work that a task
 * fans out sees the task's context. Push with try-with-resources:
 *
 * <pre>{@code try (var scope = FlyteContextManager.push(ctx.withExecutionState(state))) { ... } }</pre>
 */
public final class FlyteContextManager {
  private static final InheritableThreadLocal<Deque<FlyteContext>> STACK = new InheritableThreadLocal<>() {
    @Override
    protected Deque<FlyteContext> initialValue() {
      Deque<FlyteContext> stack = new ArrayDeque<>();
      stack.push(defaultContext());
      return stack;
    }

    @Override
    protected Deque<FlyteContext> childValue(Deque<FlyteContext> parent) {
      return new ArrayDeque<>(parent);
    }
  };

  private FlyteContextManager() {
  }

  /** The innermost context of this thread; a default local context when nothing was pushed. */
  public static FlyteContext current() {
    return STACK.get().peek();
  }

  /** Makes {@code ctx} current until the returned scope is closed. */
  public static Scope push(FlyteContext ctx) {
    Deque<FlyteContext> stack = STACK.get();
    stack.push(ctx);
    return new Scope(ctx);
  }

  /** The number of contexts on this thread's stack, the default one included. */
  public static int size() {
    return STACK.get().size();
  }

  /** Drops everything pushed on this thread and starts again from a fresh default context. */
  public static void initialize() {
    STACK.remove();
  }

  private static FlyteContext defaultContext() {
    Path sandbox = Path.of(System.getProperty("java.io.tmpdir"), "shimkit", "sandbox");
    return FlyteContext.root(FileAccessProvider.local(sandbox));
  }

  /** A pushed context; closing it pops it (and anything pushed above it and not closed). */
  public static final class Scope implements AutoCloseable {
    private final FlyteContext ctx;
    private boolean closed;

    private Scope(FlyteContext ctx) {
      this.ctx = ctx;
    }

    public FlyteContext context() {
      return ctx;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      Deque<FlyteContext> stack = STACK.get();
      if (!stack.contains(ctx)) {
        return;
      }
      while (!stack.isEmpty() && stack.peek() != ctx) {
        stack.pop();
      }
      stack.pop();
      if (stack.isEmpty()) {
        stack.push(defaultContext());
      }
    }
  }
}
