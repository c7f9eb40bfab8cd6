package dev.shimkit.task;

import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.resolve.TaskResolver;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything about a container task besides its interface and code: name, image, resources, environment,
 * secrets, metadata, resolver. Shared by {@link JavaTask} and the customized container tasks; build with
 * {@link #builder()}.
 */
public final class TaskOptions {
  /** flytekit's task type for container tasks; Flyte's container plugin runs it. */
  public static final String DEFAULT_TASK_TYPE = "python-task";

  private final String name;
  private final String taskType;
  private final int taskTypeVersion;
  private final String image;
  private final Resources requests;
  private final Resources limits;
  private final Map<String, String> environment;
  private final List<Secret> secretRequests;
  private final SecurityContext securityContext;
  private final TaskMetadata metadata;
  private final TaskResolver resolver;
  private final String docs;
  private final boolean enableDeck;

  private TaskOptions(Builder b) {
    this.name = b.name;
    this.taskType = b.taskType;
    this.taskTypeVersion = b.taskTypeVersion;
    this.image = b.image;
    this.requests = b.requests;
    this.limits = b.limits;
    this.environment = Map.copyOf(b.environment);
    this.secretRequests = List.copyOf(b.secretRequests);
    this.securityContext = b.securityContext;
    this.metadata = b.metadata.toBuilder().generatesDeck(b.enableDeck).build();
    this.resolver = b.resolver;
    this.docs = b.docs;
    this.enableDeck = b.enableDeck;
  }

  public static Builder builder() {
    return new Builder();
  }

  public static TaskOptions named(String name) {
    return builder().name(name).build();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.taskType = taskType;
    b.taskTypeVersion = taskTypeVersion;
    b.image = image;
    b.requests = requests;
    b.limits = limits;
    b.environment.putAll(environment);
    b.secretRequests.addAll(secretRequests);
    b.securityContext = securityContext;
    b.metadata = metadata;
    b.resolver = resolver;
    b.docs = docs;
    b.enableDeck = enableDeck;
    return b;
  }

  /** The explicit name, if one was given (else the task is named after its location). */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  public String taskType() {
    return taskType;
  }

  public int taskTypeVersion() {
    return taskTypeVersion;
  }

  /** The image reference as given (may hold {@code {{.image.x}}} placeholders), if any. */
  public Optional<String> image() {
    return Optional.ofNullable(image);
  }

  public ResourceSpec resources() {
    return new ResourceSpec(requests == null ? Resources.empty() : requests, limits == null ? Resources.empty() : limits);
  }

  public Map<String, String> environment() {
    return environment;
  }

  public List<Secret> secretRequests() {
    return secretRequests;
  }

  /** The security context: the one given, else one holding the secret requests, else none. */
  public Optional<SecurityContext> securityContext() {
    if (securityContext != null) {
      return Optional.of(securityContext);
    }
    return secretRequests.isEmpty() ? Optional.empty() : Optional.of(SecurityContext.ofSecrets(secretRequests));
  }

  public TaskMetadata metadata() {
    return metadata;
  }

  public Optional<TaskResolver> resolver() {
    return Optional.ofNullable(resolver);
  }

  public Optional<String> docs() {
    return Optional.ofNullable(docs);
  }

  public boolean enableDeck() {
    return enableDeck;
  }

  /** Builds {@link TaskOptions}. */
  public static final class Builder {
    private String name;
    private String taskType = DEFAULT_TASK_TYPE;
    private int taskTypeVersion;
    private String image;
    private Resources requests;
    private Resources limits;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final java.util.ArrayList<Secret> secretRequests = new java.util.ArrayList<>();
    private SecurityContext securityContext;
    private TaskMetadata metadata = TaskMetadata.defaults();
    private TaskResolver resolver;
    private String docs;
    private boolean enableDeck;

    private Builder() {
    }

    public Builder name(String v) {
      if (v != null && v.isBlank()) {
        throw new FlyteValidationException("A task name cannot be blank");
      }
      name = v;
      return this;
    }

    public Builder taskType(String v) {
      taskType = v;
      return this;
    }

    public Builder taskTypeVersion(int v) {
      taskTypeVersion = v;
      return this;
    }

    /** The container image: a full reference, or {@code {{.image.<name>}}} resolved against the image config. */
    public Builder image(String v) {
      image = v;
      return this;
    }

    public Builder requests(Resources v) {
      requests = v;
      return this;
    }

    public Builder limits(Resources v) {
      limits = v;
      return this;
    }

    /**
     * Requests and limits from one {@link Resources}: a single value sets both, a pair sets request then limit
     * ({@link ResourceSpec#fromMultipleResource}).
     */
    public Builder resources(Resources v) {
      ResourceSpec spec = ResourceSpec.fromMultipleResource(v);
      requests = spec.requests();
      limits = spec.limits();
      return this;
    }

    public Builder env(String key, String value) {
      environment.put(key, value);
      return this;
    }

    public Builder environment(Map<String, String> v) {
      environment.putAll(v);
      return this;
    }

    public Builder secretRequests(List<Secret> v) {
      secretRequests.addAll(v);
      return this;
    }

    public Builder secret(Secret v) {
      secretRequests.add(v);
      return this;
    }

    public Builder securityContext(SecurityContext v) {
      securityContext = v;
      return this;
    }

    public Builder metadata(TaskMetadata v) {
      metadata = v;
      return this;
    }

    public Builder retries(int v) {
      metadata = metadata.toBuilder().retries(v).build();
      return this;
    }

    public Builder timeout(Duration v) {
      metadata = metadata.toBuilder().timeout(v).build();
      return this;
    }

    /** Turns caching on with the given cache version. */
    public Builder cache(String cacheVersion) {
      metadata = metadata.toBuilder().cache(true).cacheVersion(cacheVersion).build();
      return this;
    }

    public Builder interruptible(boolean v) {
      metadata = metadata.toBuilder().interruptible(v).build();
      return this;
    }

    public Builder resolver(TaskResolver v) {
      resolver = v;
      return this;
    }

    public Builder docs(String v) {
      docs = v;
      return this;
    }

    public Builder enableDeck(boolean v) {
      enableDeck = v;
      return this;
    }

    public TaskOptions build() {
      return new TaskOptions(this);
    }
  }
}
