package dev.shimkit.cli.internal;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.runtime.LocalBackendRunner;
import dev.shimkit.runtime.ShimkitExecute;
import dev.shimkit.runtime.TaskAttemptResult;
import dev.shimkit.task.Task;
import dev.shimkit.types.TypeEngine;
import flyteidl.core.Errors.ContainerError;
import flyteidl.core.Execution.ExecutionError;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code shimkit run --backend local-process}: serializes the task, lets {@link LocalBackendRunner} play Flyte's
 * backend (inputs.pb, placeholders, a {@code shimkit-execute} process), and reads the outputs back.
 */
final class LocalProcessRun {
  static final String PROJECT = "local";
  static final String DOMAIN = "development";
  /** Environment variable the distribution's launch scripts add to their classpath. */
  static final String CLASSPATH_ENV_VAR = "SHIMKIT_CLASSPATH";
  static final String HOME_ENV_VAR = "SHIMKIT_HOME";

  private final CliContext ctx;
  private final List<Path> userClasspath;

  LocalProcessRun(CliContext ctx, List<Path> userClasspath) {
    this.ctx = ctx;
    this.userClasspath = userClasspath;
  }

  Map<String, Object> run(Task task, Map<String, Object> values, SerializationSettings settings) throws IOException {
    TaskTemplate template = task.serializeToModel(settings);
    FlyteContext fc = FlyteContextManager.current();
    LiteralMap inputs = task.toLiteralInputs(fc, values);
    TaskAttemptResult result = backend(settings).run(template, inputs, "n0");
    if (result instanceof TaskAttemptResult.Succeeded ok) {
      return TypeEngine.get().toJavaMap(fc, ok.outputs(), task.getOutputTypes());
    }
    ContainerError error = ((TaskAttemptResult.Failed) result).error();
    String message = "Task " + task.name() + " failed in its process (" + error.getOrigin() + ", " + error.getKind()
        + ", code " + error.getCode() + "): " + error.getMessage();
    if (error.getOrigin() == ExecutionError.ErrorKind.USER) {
      throw new FlyteUserException(error.getCode(), message, null);
    }
    throw new FlyteSystemException(error.getCode(), message, null, error.getKind() == ContainerError.Kind.RECOVERABLE);
  }

  /** A backend runner over a fresh local storage directory, starting tasks with {@link #launcher()}. */
  LocalBackendRunner backend(SerializationSettings settings) throws IOException {
    Path work = Files.createTempDirectory("shimkit-run");
    LocalBackendRunner.Builder b = LocalBackendRunner.builder().storageRoot(work.resolve("storage").toString())
        .workDir(work).launcher(launcher()).project(PROJECT).domain(DOMAIN)
        // the settings travel as in Flyte for dynamic tasks, so the entrypoint knows the images
        .env(SerializationSettings.SERIALIZED_CONTEXT_ENV_VAR, settings.serializedContext());
    if (!userClasspath.isEmpty()) {
      b.env(CLASSPATH_ENV_VAR, Classpaths.join(userClasspath));
    }
    ctx.err().println("Task data and logs: " + work);
    return b.build();
  }

  /** The command standing for {@code shimkit-execute}: the distribution's script, or this JVM and classpath. */
  List<String> launcher() {
    String home = ctx.env().get(HOME_ENV_VAR);
    if (home != null && !home.isBlank()) {
      Path script = Path.of(home, "bin", "shimkit-execute");
      if (!Files.isExecutable(script)) {
        throw new FlyteUserException(HOME_ENV_VAR + "=" + home + " has no executable bin/shimkit-execute");
      }
      return List.of(script.toString());
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cp = new ArrayList<>();
    cp.add(System.getProperty("java.class.path"));
    if (!userClasspath.isEmpty()) {
      cp.add(Classpaths.join(userClasspath));
    }
    return List.of(java, "-cp", String.join(File.pathSeparator, cp), ShimkitExecute.class.getName());
  }
}
