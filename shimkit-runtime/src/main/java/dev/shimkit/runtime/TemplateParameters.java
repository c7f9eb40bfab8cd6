package dev.shimkit.runtime;

import flyteidl.core.Literals.LiteralMap;
import java.util.Objects;

/**
 * The values {@link TemplateRenderer} substitutes; what Flyte's backend knows about one task attempt. Absent
 * values are empty strings, as they are in the backend. Build with {@link #builder()} or from
 * {@link BackendPaths#templateParameters()}.
 *
 * @param generatedName the task execution's generated name, from which {@code PerRetryUniqueKey} is derived
 * @param taskTemplatePath called only when {@code {{.taskTemplatePath}}} occurs
 * @param inputs the task's input values, for {@code {{.Inputs.x}}}
 */
public record TemplateParameters(
    String inputPath,
    String inputPrefix,
    String outputPrefix,
    String rawOutputDataPrefix,
    String prevCheckpointPrefix,
    String checkpointOutputPrefix,
    String generatedName,
    String namespace,
    TaskTemplatePath taskTemplatePath,
    LiteralMap inputs) {

  public TemplateParameters {
    Objects.requireNonNull(inputPath, "inputPath");
    Objects.requireNonNull(inputPrefix, "inputPrefix");
    Objects.requireNonNull(outputPrefix, "outputPrefix");
    Objects.requireNonNull(rawOutputDataPrefix, "rawOutputDataPrefix");
    Objects.requireNonNull(prevCheckpointPrefix, "prevCheckpointPrefix");
    Objects.requireNonNull(checkpointOutputPrefix, "checkpointOutputPrefix");
    Objects.requireNonNull(generatedName, "generatedName");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(taskTemplatePath, "taskTemplatePath");
    Objects.requireNonNull(inputs, "inputs");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A copy with other input values. */
  public TemplateParameters withInputs(LiteralMap newInputs) {
    return new TemplateParameters(inputPath, inputPrefix, outputPrefix, rawOutputDataPrefix, prevCheckpointPrefix,
        checkpointOutputPrefix, generatedName, namespace, taskTemplatePath, newInputs);
  }

  /** Builder; every value defaults to empty, the template path to one that refuses. */
  public static final class Builder {
    private String inputPath = "";
    private String inputPrefix = "";
    private String outputPrefix = "";
    private String rawOutputDataPrefix = "";
    private String prevCheckpointPrefix = "";
    private String checkpointOutputPrefix = "";
    private String generatedName = "";
    private String namespace = "";
    private TaskTemplatePath taskTemplatePath = () -> {
      throw new IllegalStateException("{{.taskTemplatePath}} was used but no task template location was given");
    };
    private LiteralMap inputs = LiteralMap.getDefaultInstance();

    private Builder() {}

    public Builder inputPath(String v) {
      inputPath = v;
      return this;
    }

    public Builder inputPrefix(String v) {
      inputPrefix = v;
      return this;
    }

    public Builder outputPrefix(String v) {
      outputPrefix = v;
      return this;
    }

    public Builder rawOutputDataPrefix(String v) {
      rawOutputDataPrefix = v;
      return this;
    }

    /** The previous attempt's checkpoint prefix; empty on a first attempt. */
    public Builder prevCheckpointPrefix(String v) {
      prevCheckpointPrefix = v;
      return this;
    }

    public Builder checkpointOutputPrefix(String v) {
      checkpointOutputPrefix = v;
      return this;
    }

    public Builder generatedName(String v) {
      generatedName = v;
      return this;
    }

    public Builder namespace(String v) {
      namespace = v;
      return this;
    }

    public Builder taskTemplatePath(TaskTemplatePath v) {
      taskTemplatePath = v;
      return this;
    }

    public Builder inputs(LiteralMap v) {
      inputs = v;
      return this;
    }

    public TemplateParameters build() {
      return new TemplateParameters(inputPath, inputPrefix, outputPrefix, rawOutputDataPrefix, prevCheckpointPrefix,
          checkpointOutputPrefix, generatedName, namespace, taskTemplatePath, inputs);
    }
  }
}
