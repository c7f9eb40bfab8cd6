package dev.shimkit.runtime;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.storage.DataPersistence;
import dev.shimkit.storage.FileAccessProvider;
import flyteidl.core.Errors.ContainerError;
import flyteidl.core.Errors.ErrorDocument;
import flyteidl.core.Execution.ExecutionError;
import flyteidl.core.Literals.KeyValuePair;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Plays Flyte's backend for one task on this machine: writes the node's {@code inputs.pb} (and, when the
 * container args ask for {@code {{.taskTemplatePath}}}, its {@code task.pb}) into storage, substitutes the
 * container args' placeholders exactly as the backend does, sets the {@code FLYTE_INTERNAL_*} variables,
 * starts the entrypoint as a process, and reads back {@code outputs.pb} or the error document. Recoverable
 * failures are retried up to the template's retries, with the previous attempt's checkpoint prefix.
 *
 * <p>Storage may be a local directory or any URI a {@code DataPersistence} provider handles ({@code s3://}).
 */
public final class LocalBackendRunner {
  /** Program names in container args that mean "the shimkit entrypoint". */
  public static final Set<String> ENTRYPOINT_NAMES = Set.of("shimkit-execute", "pyflyte-execute");

  private final String storageRoot;
  private final FileAccessProvider files;
  private final List<String> launcher;
  private final Map<String, String> environment;
  private final String executionName;
  private final String project;
  private final String domain;
  private final Duration defaultTimeout;
  private final Path logDir;

  private LocalBackendRunner(Builder b) {
    this.storageRoot = Objects.requireNonNull(b.storageRoot, "storageRoot");
    FileAccessProvider access = new FileAccessProvider(b.workDir.resolve("backend"),
        FileAccessProvider.join(b.storageRoot, "raw"));
    for (DataPersistence p : b.persistence) {
      access = access.withPersistence(p);
    }
    this.files = access;
    this.launcher = List.copyOf(b.launcher);
    this.environment = Map.copyOf(b.environment);
    this.executionName = b.executionName;
    this.project = b.project;
    this.domain = b.domain;
    this.defaultTimeout = b.timeout;
    this.logDir = b.workDir.resolve("logs");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Runs node {@code nodeId} of this runner's execution: every attempt until success or a final failure. */
  public TaskAttemptResult run(TaskTemplate template, LiteralMap inputs, String nodeId) {
    int maxAttempts = template.getMetadata().getRetries().getRetries() + 1;
    TaskAttemptResult result = null;
    for (int attempt = 0; attempt < maxAttempts; attempt++) {
      result = runAttempt(template, inputs, BackendPaths.of(storageRoot, executionName, nodeId, attempt));
      if (!(result instanceof TaskAttemptResult.Failed failed) || !failed.retryable()) {
        return result;
      }
    }
    return result;
  }

  /** Where attempt {@code attempt} of node {@code nodeId} of this runner's execution keeps its data. */
  public BackendPaths pathsFor(String nodeId, int attempt) {
    return BackendPaths.of(storageRoot, executionName, nodeId, attempt);
  }

  /** Runs exactly one attempt at the given paths. */
  public TaskAttemptResult runAttempt(TaskTemplate template, LiteralMap inputs, BackendPaths paths) {
    if (!template.hasContainer()) {
      throw new FlyteSystemException("SYSTEM", "Task " + template.getId().getName() + " has no container: the local "
          + "backend runs container tasks only", null, false);
    }
    files.putBytes(inputs.toByteArray(), paths.inputPath());
    TemplateRenderer renderer = new TemplateRenderer(paths.templateParameters()
        .namespace(project + "-" + domain)
        .inputs(inputs)
        .taskTemplatePath(() -> {
          files.putBytes(template.toByteArray(), paths.taskTemplatePath());
          return paths.taskTemplatePath();
        })
        .build());
    List<String> command = new ArrayList<>(renderer.render(template.getContainer().getCommandList()));
    command.addAll(renderer.render(template.getContainer().getArgsList()));
    return execute(template, paths, processCommand(command));
  }

  private List<String> processCommand(List<String> rendered) {
    if (rendered.isEmpty()) {
      throw new FlyteSystemException("SYSTEM", "The container has neither command nor args", null, false);
    }
    if (ENTRYPOINT_NAMES.contains(rendered.get(0)) && !launcher.isEmpty()) {
      List<String> out = new ArrayList<>(launcher);
      out.addAll(rendered.subList(1, rendered.size()));
      return out;
    }
    return rendered;
  }

  private TaskAttemptResult execute(TaskTemplate template, BackendPaths paths, List<String> command) {
    Map<String, String> env = new LinkedHashMap<>();
    for (KeyValuePair kv : template.getContainer().getEnvList()) {
      env.put(kv.getKey(), kv.getValue());
    }
    env.put("FLYTE_INTERNAL_EXECUTION_PROJECT", project);
    env.put("FLYTE_INTERNAL_EXECUTION_DOMAIN", domain);
    env.put("FLYTE_INTERNAL_EXECUTION_ID", executionName);
    env.put("FLYTE_INTERNAL_EXECUTION_WORKFLOW", "");
    env.put("FLYTE_INTERNAL_TASK_PROJECT", nonEmpty(template.getId().getProject(), project));
    env.put("FLYTE_INTERNAL_TASK_DOMAIN", nonEmpty(template.getId().getDomain(), domain));
    env.put("FLYTE_INTERNAL_TASK_NAME", template.getId().getName());
    env.put("FLYTE_INTERNAL_TASK_VERSION", template.getId().getVersion());
    env.put("FLYTE_ATTEMPT_NUMBER", Integer.toString(paths.attempt()));
    env.putAll(environment);

    Path log = logDir.resolve(paths.generatedName() + ".log");
    int exitCode;
    try {
      Files.createDirectories(logDir);
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      pb.environment().putAll(env);
      Process process = pb.start();
      Duration timeout = template.getMetadata().hasTimeout()
          ? Duration.ofSeconds(template.getMetadata().getTimeout().getSeconds(), template.getMetadata().getTimeout().getNanos())
          : defaultTimeout;
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        return failed(paths, -1, "Timeout", "Task exceeded its timeout of " + timeout + "; log: " + log, true);
      }
      exitCode = process.exitValue();
    } catch (IOException e) {
      throw new FlyteSystemException("SYSTEM", "Cannot start the task process " + command.get(0) + ": "
          + e.getMessage(), e, false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlyteSystemException("SYSTEM", "Interrupted while waiting for the task process", e, true);
    }
    return readResult(paths, exitCode, log);
  }

  private TaskAttemptResult readResult(BackendPaths paths, int exitCode, Path log) {
    String outputs = FileAccessProvider.join(paths.outputPrefix(), OutputWriter.OUTPUTS_FILE_NAME);
    String error = FileAccessProvider.join(paths.outputPrefix(), ErrorDocuments.ERROR_FILE_NAME);
    if (files.exists(error)) {
      try {
        ErrorDocument doc = ErrorDocument.parseFrom(files.getBytes(error));
        if (!doc.hasError()) {
          return failed(paths, exitCode, "ErrorFileBadFormat", "The error document at " + error + " holds no error", true);
        }
        return new TaskAttemptResult.Failed(paths, exitCode, doc.getError());
      } catch (InvalidProtocolBufferException e) {
        return failed(paths, exitCode, "ErrorFileBadFormat", "The error document at " + error + " does not parse", true);
      }
    }
    if (files.exists(outputs)) {
      try {
        return new TaskAttemptResult.Succeeded(paths, exitCode, LiteralMap.parseFrom(files.getBytes(outputs)));
      } catch (InvalidProtocolBufferException e) {
        return failed(paths, exitCode, "OutputsBadFormat", "The outputs at " + outputs + " do not parse", true);
      }
    }
    return failed(paths, exitCode, "OutputsNotFound", "outputs not found at [" + outputs + "] (exit code " + exitCode
        + "); process log: " + log + "\n" + tail(log), true);
  }

  private static TaskAttemptResult failed(BackendPaths paths, int exitCode, String code, String message,
      boolean recoverable) {
    return new TaskAttemptResult.Failed(paths, exitCode, ContainerError.newBuilder().setCode(code).setMessage(message)
        .setKind(recoverable ? ContainerError.Kind.RECOVERABLE : ContainerError.Kind.NON_RECOVERABLE)
        .setOrigin(ExecutionError.ErrorKind.SYSTEM).build());
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }

  private static String nonEmpty(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }

  /** Builds a {@link LocalBackendRunner}. */
  public static final class Builder {
    private String storageRoot;
    private Path workDir;
    private List<String> launcher = List.of();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private String executionName = "local-exec";
    private String project = "local";
    private String domain = "development";
    private Duration timeout = Duration.ofMinutes(30);
    private final List<DataPersistence> persistence = new ArrayList<>();

    private Builder() {
    }

    /**
     * A storage back end the runner itself uses to write inputs and read results, configured explicitly instead
     * of from this process's environment (the task process still configures itself from its environment).
     */
    public Builder persistence(DataPersistence v) {
      persistence.add(v);
      return this;
    }

    /** Where node data lives: a local directory or a URI such as {@code s3://bucket/prefix}. */
    public Builder storageRoot(String v) {
      storageRoot = v;
      return this;
    }

    /** A local directory for the runner's scratch files and process logs. */
    public Builder workDir(Path v) {
      workDir = v;
      return this;
    }

    /**
     * The command that stands for {@code shimkit-execute}/{@code pyflyte-execute} in container args, e.g. the
     * distribution's {@code bin/shimkit-execute}, or {@code java -cp <classpath> dev.shimkit.runtime.ShimkitExecute}.
     */
    public Builder launcher(List<String> v) {
      launcher = v;
      return this;
    }

    /** Extra environment for the task process (e.g. storage credentials), applied last. */
    public Builder env(String key, String value) {
      environment.put(key, value);
      return this;
    }

    public Builder environment(Map<String, String> v) {
      environment.putAll(v);
      return this;
    }

    public Builder executionName(String v) {
      executionName = v;
      return this;
    }

    public Builder project(String v) {
      project = v;
      return this;
    }

    public Builder domain(String v) {
      domain = v;
      return this;
    }

    /** The time limit for an attempt whose template sets none. */
    public Builder timeout(Duration v) {
      timeout = v;
      return this;
    }

    public LocalBackendRunner build() {
      if (workDir == null) {
        try {
          workDir = Files.createTempDirectory("shimkit-backend");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return new LocalBackendRunner(this);
    }
  }
}
