package dev.shimkit.context;

import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What running task code sees of its execution: ids, dates, directories, prefixes, secrets. The Java
 * counterpart of flytekit's {@code ExecutionParameters} (what {@code flytekit.current_context()} returns).
 * Immutable; build one with {@link #builder()}.
 */
public final class ExecutionParameters {
  private final WorkflowExecutionIdentifier executionId;
  private final Instant executionDate;
  private final Identifier taskId;
  private final Logger logger;
  private final Path tmpDir;
  private final String rawOutputPrefix;
  private final String outputMetadataPrefix;
  private final String checkpointPath;
  private final String prevCheckpointPath;
  private final boolean enableDeck;
  private final SecretsManager secrets;
  private final Deck.Decks decks;
  private final Map<String, Object> attributes;

  private ExecutionParameters(Builder b) {
    this.executionId = b.executionId;
    this.executionDate = b.executionDate;
    this.taskId = b.taskId;
    this.logger = b.logger;
    this.tmpDir = b.tmpDir;
    this.rawOutputPrefix = b.rawOutputPrefix;
    this.outputMetadataPrefix = b.outputMetadataPrefix;
    this.checkpointPath = b.checkpointPath;
    this.prevCheckpointPath = b.prevCheckpointPath;
    this.enableDeck = b.enableDeck;
    this.secrets = b.secrets;
    this.decks = b.decks;
    this.attributes = Map.copyOf(b.attributes);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this object's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.executionId = executionId;
    b.executionDate = executionDate;
    b.taskId = taskId;
    b.logger = logger;
    b.tmpDir = tmpDir;
    b.rawOutputPrefix = rawOutputPrefix;
    b.outputMetadataPrefix = outputMetadataPrefix;
    b.checkpointPath = checkpointPath;
    b.prevCheckpointPath = prevCheckpointPath;
    b.enableDeck = enableDeck;
    b.secrets = secrets;
    b.decks = decks;
    b.attributes.putAll(attributes);
    return b;
  }

  /** Parameters of a local run: execution {@code local:local:local}, task {@code local/local/local/local}. */
  public static ExecutionParameters local(Path tmpDir, String rawOutputPrefix) {
    return builder().tmpDir(tmpDir).rawOutputPrefix(rawOutputPrefix).build();
  }

  public WorkflowExecutionIdentifier executionId() {
    return executionId;
  }

  public Instant executionDate() {
    return executionDate;
  }

  public Identifier taskId() {
    return taskId;
  }

  /** The user-space logger. */
  public Logger logger() {
    return logger;
  }

  /** The task's scratch directory ({@code working_directory} in flytekit). */
  public Path workingDirectory() {
    return tmpDir;
  }

  public String rawOutputPrefix() {
    return rawOutputPrefix;
  }

  /** The {@code --output-prefix} of the execution, where outputs.pb and decks go. */
  public Optional<String> outputMetadataPrefix() {
    return Optional.ofNullable(outputMetadataPrefix);
  }

  /** Where this attempt may save a checkpoint ({@code --checkpoint-path}), if the platform gave one. */
  public Optional<String> checkpointPath() {
    return Optional.ofNullable(checkpointPath);
  }

  /** The previous attempt's checkpoint ({@code --prev-checkpoint}), if there was one. */
  public Optional<String> prevCheckpointPath() {
    return Optional.ofNullable(prevCheckpointPath);
  }

  public boolean enableDeck() {
    return enableDeck;
  }

  /** The secrets visible to this execution. */
  public SecretsManager secrets() {
    return secrets;
  }

  /** The decks task code writes to (rendered into {@code deck.html} when the task enables decks). */
  public Deck.Decks decks() {
    return decks;
  }

  /** An extra attribute given by the task type (keys are case-insensitive, as in flytekit). */
  public Optional<Object> attribute(String name) {
    return Optional.ofNullable(attributes.get(name.toUpperCase(Locale.ROOT)));
  }

  /** Builds {@link ExecutionParameters}; every value has the local-run default. */
  public static final class Builder {
    private WorkflowExecutionIdentifier executionId = WorkflowExecutionIdentifier.newBuilder()
        .setProject("local").setDomain("local").setName("local").build();
    private Instant executionDate = Instant.now();
    private Identifier taskId = Identifier.newBuilder().setResourceType(ResourceType.TASK)
        .setProject("local").setDomain("local").setName("local").setVersion("local").build();
    private Logger logger = LoggerFactory.getLogger("shimkit.user");
    private Path tmpDir = Path.of(System.getProperty("java.io.tmpdir"), "shimkit", "user_space");
    private String rawOutputPrefix = tmpDir.resolve("raw").toString();
    private String outputMetadataPrefix;
    private String checkpointPath;
    private String prevCheckpointPath;
    private boolean enableDeck;
    private SecretsManager secrets = new SecretsManager();
    private Deck.Decks decks = new Deck.Decks();
    private final Map<String, Object> attributes = new HashMap<>();

    private Builder() {
    }

    public Builder executionId(WorkflowExecutionIdentifier v) {
      executionId = v;
      return this;
    }

    public Builder executionDate(Instant v) {
      executionDate = v;
      return this;
    }

    public Builder taskId(Identifier v) {
      taskId = v;
      return this;
    }

    public Builder logger(Logger v) {
      logger = v;
      return this;
    }

    public Builder tmpDir(Path v) {
      tmpDir = v;
      return this;
    }

    public Builder rawOutputPrefix(String v) {
      rawOutputPrefix = v;
      return this;
    }

    public Builder outputMetadataPrefix(String v) {
      outputMetadataPrefix = v;
      return this;
    }

    public Builder checkpointPath(String v) {
      checkpointPath = v;
      return this;
    }

    public Builder prevCheckpointPath(String v) {
      prevCheckpointPath = v;
      return this;
    }

    public Builder enableDeck(boolean v) {
      enableDeck = v;
      return this;
    }

    public Builder secrets(SecretsManager v) {
      secrets = v;
      return this;
    }

    public Builder attribute(String name, Object value) {
      attributes.put(name.toUpperCase(Locale.ROOT), value);
      return this;
    }

    public ExecutionParameters build() {
      return new ExecutionParameters(this);
    }
  }
}
