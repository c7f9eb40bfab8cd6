package dev.shimkit.task;

import dev.shimkit.errors.FlyteValidationException;
import flyteidl.core.Literals.RetryStrategy;
import flyteidl.core.Tasks;
import flyteidl.core.Tasks.RuntimeMetadata;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How Flyte runs a task: caching, retries, timeout, interruptibility, deprecation, pod template. Mirrors
 * flytekit's {@code TaskMetadata} and serializes to {@code flyteidl.core.TaskMetadata} the same way (runtime
 * metadata names this SDK, flavor {@code java}).
 *
 * @param cache whether outputs are cached ({@code discoverable})
 * @param cacheVersion the cache key version; required when {@code cache} is on
 * @param cacheSerialize whether identical concurrent executions wait for one another
 * @param cacheIgnoreInputVariables inputs left out of the cache key
 * @param retries how many times a recoverable failure is retried
 * @param timeout the longest one attempt may run, or null for none
 * @param interruptible whether the task may run on preemptible nodes; null leaves it to the platform
 * @param deprecatedMessage a non-empty message marks the task deprecated
 * @param podTemplateName the pod template to start from, or empty
 * @param generatesDeck whether the task writes a deck
 */
public record TaskMetadata(boolean cache, String cacheVersion, boolean cacheSerialize,
    List<String> cacheIgnoreInputVariables, int retries, Duration timeout, Boolean interruptible,
    String deprecatedMessage, String podTemplateName, boolean generatesDeck) {

  /** The SDK name written into every template's runtime metadata. */
  public static final String RUNTIME_FLAVOR = "java";

  public TaskMetadata {
    cacheVersion = cacheVersion == null ? "" : cacheVersion;
    deprecatedMessage = deprecatedMessage == null ? "" : deprecatedMessage;
    podTemplateName = podTemplateName == null ? "" : podTemplateName;
    cacheIgnoreInputVariables = cacheIgnoreInputVariables == null ? List.of() : List.copyOf(cacheIgnoreInputVariables);
    if (cache && cacheVersion.isEmpty()) {
      throw new FlyteValidationException("Caching is enabled but no cache version is set: "
          + "set cacheVersion(\"1.0\") (any string; change it when the task's outputs change).");
    }
    if (cacheSerialize && !cache) {
      throw new FlyteValidationException("cacheSerialize needs cache(true): serialization only applies to cached tasks.");
    }
    if (!cacheIgnoreInputVariables.isEmpty() && !cache) {
      throw new FlyteValidationException("cacheIgnoreInputVariables needs cache(true).");
    }
    if (retries < 0) {
      throw new FlyteValidationException("retries must be 0 or more, got " + retries);
    }
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new FlyteValidationException("timeout must be positive, got " + timeout + " (leave it unset for none)");
    }
  }

  /** Metadata with every value at its default: no cache, no retries, no timeout. */
  public static TaskMetadata defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().cache(cache).cacheVersion(cacheVersion).cacheSerialize(cacheSerialize)
        .cacheIgnoreInputVariables(cacheIgnoreInputVariables).retries(retries).timeout(timeout)
        .interruptible(interruptible).deprecatedMessage(deprecatedMessage).podTemplateName(podTemplateName)
        .generatesDeck(generatesDeck);
  }

  public Optional<Duration> timeoutValue() {
    return Optional.ofNullable(timeout);
  }

  /** As {@code flyteidl.core.TaskMetadata}, with {@code runtimeVersion} as the SDK version. */
  public Tasks.TaskMetadata toIdl(String runtimeVersion) {
    Tasks.TaskMetadata.Builder b = Tasks.TaskMetadata.newBuilder()
        .setDiscoverable(cache)
        .setRuntime(RuntimeMetadata.newBuilder().setType(RuntimeMetadata.RuntimeType.FLYTE_SDK)
            .setVersion(runtimeVersion).setFlavor(RUNTIME_FLAVOR))
        .setRetries(RetryStrategy.newBuilder().setRetries(retries))
        .setDiscoveryVersion(cacheVersion)
        .setDeprecatedErrorMessage(deprecatedMessage)
        .setCacheSerializable(cacheSerialize)
        .setPodTemplateName(podTemplateName)
        .addAllCacheIgnoreInputVars(cacheIgnoreInputVariables)
        .setGeneratesDeck(com.google.protobuf.BoolValue.of(generatesDeck));
    if (timeout != null) {
      b.setTimeout(com.google.protobuf.Duration.newBuilder().setSeconds(timeout.getSeconds()).setNanos(timeout.getNano()));
    }
    if (interruptible != null) {
      b.setInterruptible(interruptible);
    }
    return b.build();
  }

  /** The metadata a template carries (runtime metadata is not kept: it describes the writer, not the task). */
  public static TaskMetadata fromIdl(Tasks.TaskMetadata m) {
    Duration timeout = m.hasTimeout() ? Duration.ofSeconds(m.getTimeout().getSeconds(), m.getTimeout().getNanos()) : null;
    return new TaskMetadata(m.getDiscoverable(), m.getDiscoveryVersion(), m.getCacheSerializable(),
        m.getCacheIgnoreInputVarsList(), m.getRetries().getRetries(), timeout,
        m.getInterruptibleValueCase() == Tasks.TaskMetadata.InterruptibleValueCase.INTERRUPTIBLE
            ? m.getInterruptible() : null,
        m.getDeprecatedErrorMessage(), m.getPodTemplateName(), m.hasGeneratesDeck() && m.getGeneratesDeck().getValue());
  }

  /** Builds {@link TaskMetadata}; validation happens in {@link #build()}. */
  public static final class Builder {
    private boolean cache;
    private String cacheVersion = "";
    private boolean cacheSerialize;
    private List<String> cacheIgnoreInputVariables = List.of();
    private int retries;
    private Duration timeout;
    private Boolean interruptible;
    private String deprecatedMessage = "";
    private String podTemplateName = "";
    private boolean generatesDeck;

    private Builder() {
    }

    public Builder cache(boolean v) {
      cache = v;
      return this;
    }

    public Builder cacheVersion(String v) {
      cacheVersion = v;
      return this;
    }

    public Builder cacheSerialize(boolean v) {
      cacheSerialize = v;
      return this;
    }

    public Builder cacheIgnoreInputVariables(List<String> v) {
      cacheIgnoreInputVariables = v;
      return this;
    }

    public Builder retries(int v) {
      retries = v;
      return this;
    }

    public Builder timeout(Duration v) {
      timeout = v;
      return this;
    }

    public Builder interruptible(Boolean v) {
      interruptible = v;
      return this;
    }

    public Builder deprecatedMessage(String v) {
      deprecatedMessage = v;
      return this;
    }

    public Builder podTemplateName(String v) {
      podTemplateName = v;
      return this;
    }

    public Builder generatesDeck(boolean v) {
      generatesDeck = v;
      return this;
    }

    public TaskMetadata build() {
      return new TaskMetadata(cache, cacheVersion, cacheSerialize, cacheIgnoreInputVariables, retries, timeout,
          interruptible, deprecatedMessage, podTemplateName, generatesDeck);
    }
  }
}
