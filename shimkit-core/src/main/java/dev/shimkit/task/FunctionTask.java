package dev.shimkit.task;

/** A {@link JavaTask} whose code is a {@link TaskFunction}; made by {@link JavaTask#of}. */
final class FunctionTask<I, O> extends JavaTask<I, O> {
  private final TaskFunction<I, O> function;

  FunctionTask(TaskOptions options, TaskInterface javaInterface, TaskFunction<I, O> function) {
    super(options, javaInterface);
    this.function = java.util.Objects.requireNonNull(function, "function");
  }

  @Override
  public O execute(I inputs) throws Exception {
    return function.apply(inputs);
  }
}
