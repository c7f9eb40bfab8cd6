package dev.shimkit.context;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.storage.FileAccessProvider;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a task, the type engine or the runtime needs to know about "where we are": file access,
 * execution state, serialization settings, compilation state. Immutable; derive variants with the
 * {@code withX} methods and make them current with {@link FlyteContextManager#push}.
 */
public final class FlyteContext {
  private final FileAccessProvider fileAccess;
  private final int level;
  private final ExecutionState executionState;
  private final SerializationSettings serializationSettings;
  private final CompilationState compilationState;
  private final boolean inACondition;
  private final StackTraceElement originFrame;
  private final Object flyteClient;

  private FlyteContext(FileAccessProvider fileAccess, int level, ExecutionState executionState,
      SerializationSettings serializationSettings, CompilationState compilationState, boolean inACondition,
      StackTraceElement originFrame, Object flyteClient) {
    this.fileAccess = Objects.requireNonNull(fileAccess, "fileAccess");
    this.level = level;
    this.executionState = executionState;
    this.serializationSettings = serializationSettings;
    this.compilationState = compilationState;
    this.inACondition = inACondition;
    this.originFrame = originFrame;
    this.flyteClient = flyteClient;
  }

  /** A root context with the given file access and nothing else. */
  public static FlyteContext root(FileAccessProvider fileAccess) {
    return new FlyteContext(fileAccess, 0, null, null, null, false, null, null);
  }

  /** The current context of this thread (see {@link FlyteContextManager}). */
  public static FlyteContext current() {
    return FlyteContextManager.current();
  }

  public FileAccessProvider fileAccess() {
    return fileAccess;
  }

  /** How deep this context sits in the stack (0 for the root). */
  public int level() {
    return level;
  }

  public Optional<ExecutionState> executionState() {
    return Optional.ofNullable(executionState);
  }

  public Optional<SerializationSettings> serializationSettings() {
    return Optional.ofNullable(serializationSettings);
  }

  public Optional<CompilationState> compilationState() {
    return Optional.ofNullable(compilationState);
  }

  /** Whether we are inside a conditional section of a workflow being compiled. */
  public boolean inACondition() {
    return inACondition;
  }

  /** Where the code that made this context sits, for error messages. */
  public Optional<StackTraceElement> originFrame() {
    return Optional.ofNullable(originFrame);
  }

  /** A client for a Flyte cluster, when one was configured (the CLI sets it for remote operations). */
  public Optional<Object> flyteClient() {
    return Optional.ofNullable(flyteClient);
  }

  /** What task code sees: the execution state's user-space parameters. */
  public Optional<ExecutionParameters> userSpaceParams() {
    return executionState().map(ExecutionState::userSpaceParams);
  }

  /** The decks of the current execution rendered as one HTML page, if an execution is running. */
  public Optional<String> getDeck() {
    return userSpaceParams().map(p -> p.decks().render(p.taskId().getName()));
  }

  public FlyteContext withFileAccess(FileAccessProvider v) {
    return new FlyteContext(v, level + 1, executionState, serializationSettings, compilationState, inACondition,
        originFrame, flyteClient);
  }

  public FlyteContext withExecutionState(ExecutionState v) {
    return new FlyteContext(fileAccess, level + 1, v, serializationSettings, compilationState, inACondition,
        originFrame, flyteClient);
  }

  public FlyteContext withSerializationSettings(SerializationSettings v) {
    return new FlyteContext(fileAccess, level + 1, executionState, v, compilationState, inACondition, originFrame,
        flyteClient);
  }

  public FlyteContext withCompilationState(CompilationState v) {
    return new FlyteContext(fileAccess, level + 1, executionState, serializationSettings, v, inACondition,
        originFrame, flyteClient);
  }

  public FlyteContext withInACondition(boolean v) {
    return new FlyteContext(fileAccess, level + 1, executionState, serializationSettings, compilationState, v,
        originFrame, flyteClient);
  }

  public FlyteContext withOriginFrame(StackTraceElement v) {
    return new FlyteContext(fileAccess, level + 1, executionState, serializationSettings, compilationState,
        inACondition, v, flyteClient);
  }

  public FlyteContext withFlyteClient(Object v) {
    return new FlyteContext(fileAccess, level + 1, executionState, serializationSettings, compilationState,
        inACondition, originFrame, v);
  }

  /**
   * A context for a conditional section (flytekit's {@code enter_conditional_section}): a fresh compilation
   * state with the same prefix and no nodes, owned by {@code scope}, and {@link #inACondition()} true.
   */
  public FlyteContext enterConditionalSection(Object scope) {
    CompilationState next = compilationState == null ? new CompilationState("", scope)
        : compilationState.withParams(compilationState.prefix(), scope);
    return new FlyteContext(fileAccess, level + 1, executionState, serializationSettings, next, true, originFrame,
        flyteClient);
  }

  /** A new compilation state whose node ids start with {@code prefix}. */
  public CompilationState newCompilationState(String prefix) {
    return new CompilationState(prefix);
  }

  /**
   * A new execution state of mode {@code LOCAL_TASK_EXECUTION} in {@code workingDir} (or a fresh directory in
   * the file access sandbox when null), with local user-space parameters.
   */
  public ExecutionState newExecutionState(Path workingDir) {
    Path dir = workingDir != null ? workingDir : fileAccess.getRandomLocalDirectory();
    ExecutionParameters params = ExecutionParameters.builder().tmpDir(dir.resolve("user_space"))
        .rawOutputPrefix(fileAccess.rawOutputPrefix()).build();
    return new ExecutionState(ExecutionState.Mode.LOCAL_TASK_EXECUTION, dir, null, params);
  }
}
