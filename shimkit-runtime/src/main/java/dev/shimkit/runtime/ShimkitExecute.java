package dev.shimkit.runtime;

import dev.shimkit.config.ImageConfig;
import dev.shimkit.config.SerializationSettings;
import dev.shimkit.context.ExecutionParameters;
import dev.shimkit.context.ExecutionState;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.context.SecretsManager;
import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.resolve.TaskResolver;
import dev.shimkit.resolve.TrackedInstance;
import dev.shimkit.shim.TaskTemplateResolver;
import dev.shimkit.storage.FileAccessProvider;
import dev.shimkit.task.Task;
import flyteidl.core.Errors.ErrorDocument;
import flyteidl.core.Literals.LiteralMap;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * The container entrypoint {@code shimkit-execute} (also installed as {@code pyflyte-execute}): the program
 * Flyte starts for every task attempt. It takes the flags of flytekit's {@code pyflyte-execute}, loads the
 * resolver by its location and the task through the resolver, runs it on {@code --inputs}, and leaves under
 * {@code --output-prefix} exactly one of {@code outputs.pb} or an error document.
 *
 * <p>Exit codes: 0 when outputs or an error document were written ({@code FLYTE_FAIL_ON_ERROR=true}: 1 for an
 * error document), 2 for bad usage, 3 when not even an error document could be written.
 */
public final class ShimkitExecute {
  /** The deck file flytekit writes under the output prefix. */
  public static final String DECK_FILE_NAME = "deck.html";
  private final Map<String, String> env;
  private final PrintStream err;

  public ShimkitExecute(Map<String, String> env, PrintStream err) {
    this.env = Map.copyOf(env);
    this.err = err;
  }

  public static void main(String[] args) {
    int code = new ShimkitExecute(System.getenv(), System.err).run(args);
    System.exit(code);
  }

  /** Runs one task attempt and returns the process exit code. */
  public int run(String... args) {
    ExecuteArgs parsed;
    try {
      parsed = ExecuteArgs.parse(args);
    } catch (UsageException e) {
      err.println("shimkit-execute: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    RuntimeEnvironment runtimeEnv = RuntimeEnvironment.from(env);
    Redactor redactor = new Redactor();
    ErrorDocuments errors = new ErrorDocuments(runtimeEnv, redactor);
    Path sandbox;
    try {
      sandbox = Files.createTempDirectory("flyte");
    } catch (IOException e) {
      err.println("shimkit-execute: cannot create a working directory: " + e.getMessage());
      return ExitCodes.ERROR_NOT_WRITTEN;
    }
    String rawPrefix = parsed.rawOutputDataPrefix() != null ? parsed.rawOutputDataPrefix()
        : sandbox.resolve("raw").toString();
    FileAccessProvider files = new FileAccessProvider(sandbox, rawPrefix);
    ExecutionState state = ExecutionState.of(ExecutionState.Mode.TASK_EXECUTION, sandbox);
    OutputWriter writer = new OutputWriter(files, state.engineDir());

    ExecutionPhase phase = ExecutionPhase.LOAD;
    String taskName = null;
    try {
      FlyteContext ctx = context(parsed, runtimeEnv, redactor, files, state);
      try (FlyteContextManager.Scope scope = FlyteContextManager.push(ctx)) {
        TaskResolver resolver = loadResolver(parsed.requireResolver());
        if (parsed.test()) {
          err.println("shimkit-execute: --test: resolver " + resolver.location() + " loaded; not running the task");
          return ExitCodes.SUCCESS;
        }
        Task task = resolver.loadTask(parsed.resolverArgs());
        taskName = task.name();
        phase = ExecutionPhase.IO;
        LiteralMap inputs = readInputs(files, parsed.inputs(), state.workingDir());
        phase = ExecutionPhase.EXECUTE;
        LiteralMap outputs = task.dispatchExecute(scope.context(), inputs);
        phase = ExecutionPhase.IO;
        writer.writeOutputs(outputs, parsed.outputPrefix());
        if (task.metadata().generatesDeck()) {
          writeDeck(files, scope.context(), parsed.outputPrefix());
        }
        return ExitCodes.SUCCESS;
      }
    } catch (Throwable failure) {
      if (failure instanceof VirtualMachineError vme && !(vme instanceof OutOfMemoryError)) {
        throw vme;
      }
      return writeError(errors, writer, failure, phase, taskName, parsed.outputPrefix(), runtimeEnv);
    }
  }

  /** Writes {@code deck.html} beside the outputs; a deck is a report, so failing to write it fails nothing. */
  private void writeDeck(FileAccessProvider files, FlyteContext ctx, String outputPrefix) {
    String target = FileAccessProvider.join(outputPrefix, DECK_FILE_NAME);
    try {
      ctx.getDeck().ifPresent(html -> files.putBytes(html.getBytes(java.nio.charset.StandardCharsets.UTF_8), target));
    } catch (RuntimeException e) {
      err.println("shimkit-execute: could not write " + target + ": " + e.getMessage());
    }
  }

  private int writeError(ErrorDocuments errors, OutputWriter writer, Throwable failure, ExecutionPhase phase,
      String taskName, String outputPrefix, RuntimeEnvironment runtimeEnv) {
    try {
      if (writer.hasWritten()) {
        err.println("shimkit-execute: outputs were written, then: " + failure);
        return ExitCodes.ERROR_NOT_WRITTEN;
      }
      ErrorDocument doc = errors.build(failure, phase, taskName);
      writer.writeError(doc, errors.errorFileName(), outputPrefix);
      err.println("shimkit-execute: task " + (taskName == null ? "" : "'" + taskName + "' ") + "failed ("
          + doc.getError().getOrigin() + ", " + doc.getError().getKind() + ", code " + doc.getError().getCode()
          + "); error document written under " + outputPrefix);
      return ExitCodes.afterErrorDocument(runtimeEnv);
    } catch (Throwable writeFailure) {
      err.println("shimkit-execute: the task failed and the error document could not be written under "
          + outputPrefix + ": " + writeFailure.getMessage());
      err.println("shimkit-execute: the task failure was: " + failure.getClass().getName());
      return ExitCodes.ERROR_NOT_WRITTEN;
    }
  }

  private FlyteContext context(ExecuteArgs args, RuntimeEnvironment runtimeEnv, Redactor redactor,
      FileAccessProvider files, ExecutionState state) {
    ExecutionParameters params = ExecutionParameters.builder()
        .executionId(runtimeEnv.executionId())
        .taskId(runtimeEnv.taskId())
        .executionDate(Instant.now())
        .tmpDir(state.workingDir().resolve("user_space"))
        .rawOutputPrefix(files.rawOutputPrefix())
        .outputMetadataPrefix(args.outputPrefix())
        .checkpointPath(args.checkpointPath())
        .prevCheckpointPath(args.prevCheckpoint())
        .secrets(new SecretsManager(env, redactor::register))
        .build();
    return FlyteContext.root(files)
        .withExecutionState(state.withParams(params))
        .withSerializationSettings(settings(runtimeEnv));
  }

  private SerializationSettings settings(RuntimeEnvironment runtimeEnv) {
    SerializationSettings base = runtimeEnv.serializedContext() != null && !runtimeEnv.serializedContext().isEmpty()
        ? SerializationSettings.fromTransport(runtimeEnv.serializedContext())
        : SerializationSettings.newBuilder().imageConfig(imageConfig()).build();
    SerializationSettings.Builder b = base.toBuilder();
    if (base.project() == null || base.project().isEmpty()) {
      b.project(runtimeEnv.executionProject());
    }
    if (base.domain() == null || base.domain().isEmpty()) {
      b.domain(runtimeEnv.executionDomain());
    }
    b.version(runtimeEnv.taskVersion());
    return b.build();
  }

  /**
   * The image config of this run: {@code $FLYTE_INTERNAL_IMAGE} when set, else none. Flyte does not set that
   * variable for templates authored elsewhere (flytekit's SQLite3Task), and only dynamic tasks need images
   * at run time, so a missing image must not fail the task.
   */
  private ImageConfig imageConfig() {
    String image = env.get(ImageConfig.INTERNAL_IMAGE_ENV_VAR);
    return image == null || image.isBlank() ? new ImageConfig(null, java.util.List.of())
        : ImageConfig.auto(null, null, env);
  }

  /** Loads the resolver at {@code location}; flytekit's template resolver location means ours. */
  static TaskResolver loadResolver(String location) {
    if (TaskTemplateResolver.FLYTEKIT_LOCATION.equals(location)) {
      return TaskTemplateResolver.INSTANCE;
    }
    Object loaded = TrackedInstance.load(location);
    if (!(loaded instanceof TaskResolver resolver)) {
      throw new FlyteUserException(TrackedInstance.LOAD_ERROR_CODE, "--resolver " + location + " is a "
          + loaded.getClass().getName() + ", not a " + TaskResolver.class.getName(), null);
    }
    return resolver;
  }

  private static LiteralMap readInputs(FileAccessProvider files, String inputsUri, Path workingDir) {
    Path local = workingDir.resolve("inputs.pb");
    files.getData(inputsUri, local, false);
    try {
      return LiteralMap.parseFrom(Files.readAllBytes(local));
    } catch (IOException e) {
      throw new FlyteSystemException("SYSTEM", "The inputs at " + inputsUri + " are not a serialized "
          + "flyteidl.core.LiteralMap: " + e.getMessage(), e, false);
    }
  }
}
