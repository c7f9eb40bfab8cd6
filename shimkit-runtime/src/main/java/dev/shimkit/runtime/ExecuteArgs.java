package dev.shimkit.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The command line of {@code shimkit-execute}, flag for flag the one of flytekit's {@code pyflyte-execute}, so
 * the container args Flyte renders for a template-based task work unchanged. Values are already normalized:
 * the placeholders the backend leaves unrendered (and the two-character {@code ""} it substitutes for the
 * previous checkpoint on a first attempt) become absent.
 *
 * @param inputs URI or path of the input {@code LiteralMap} ({@code --inputs}, required)
 * @param outputPrefix where {@code outputs.pb} or the error document goes ({@code --output-prefix}, required)
 * @param rawOutputDataPrefix where raw data (files, datasets) goes, or null
 * @param checkpointPath where this attempt writes checkpoints, or null
 * @param prevCheckpoint the previous attempt's checkpoint prefix, or null
 * @param resolver location of the task resolver ({@code --resolver}); required to run a task, null otherwise
 * @param test {@code --test}: set everything up and load the resolver, but not the task
 * @param dynamicAddlDistro {@code --dynamic-addl-distro}, or null
 * @param dynamicDestDir {@code --dynamic-dest-dir}, or null
 * @param resolverArgs the loader arguments after {@code --} (at least one)
 */
public record ExecuteArgs(
    String inputs,
    String outputPrefix,
    String rawOutputDataPrefix,
    String checkpointPath,
    String prevCheckpoint,
    String resolver,
    boolean test,
    String dynamicAddlDistro,
    String dynamicDestDir,
    List<String> resolverArgs) {

  /** The literal flytekit treats as "no raw output prefix given". */
  public static final String RAW_OUTPUT_SENTINEL = "{{.rawOutputDataPrefix}}";
  /** The literal flytekit treats as "no checkpoint path given". */
  public static final String CHECKPOINT_SENTINEL = "{{.checkpointOutputPrefix}}";
  /** The literal flytekit treats as "no previous checkpoint". */
  public static final String PREV_CHECKPOINT_SENTINEL = "{{.prevCheckpointPrefix}}";

  public ExecuteArgs {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(outputPrefix, "outputPrefix");
    resolverArgs = List.copyOf(resolverArgs);
    rawOutputDataPrefix = normalize(rawOutputDataPrefix, RAW_OUTPUT_SENTINEL);
    checkpointPath = normalize(checkpointPath, CHECKPOINT_SENTINEL);
    prevCheckpoint = normalizePrevCheckpoint(prevCheckpoint);
  }

  /** Parses {@code args} (the arguments after the program name). */
  public static ExecuteArgs parse(String... args) {
    return ExecuteArgsParser.parse(List.of(args));
  }

  /** Parses {@code args} (the arguments after the program name). */
  public static ExecuteArgs parse(List<String> args) {
    return ExecuteArgsParser.parse(args);
  }

  /** The resolver location, or a usage error saying {@code --resolver} is needed to run a task. */
  public String requireResolver() {
    if (resolver == null || resolver.isEmpty()) {
      throw new UsageException("--resolver is required to run a task: pass the resolver's location, e.g. "
          + "--resolver dev.shimkit.shim.TaskTemplateResolver.INSTANCE");
    }
    return resolver;
  }

  /** The arguments in canonical form, so that {@code parse(toArgs())} gives an equal record. */
  public List<String> toArgs() {
    List<String> out = new ArrayList<>();
    add(out, "--inputs", inputs);
    add(out, "--output-prefix", outputPrefix);
    add(out, "--raw-output-data-prefix", rawOutputDataPrefix);
    add(out, "--checkpoint-path", checkpointPath);
    add(out, "--prev-checkpoint", prevCheckpoint);
    if (test) {
      out.add("--test");
    }
    add(out, "--dynamic-addl-distro", dynamicAddlDistro);
    add(out, "--dynamic-dest-dir", dynamicDestDir);
    add(out, "--resolver", resolver);
    out.add("--");
    out.addAll(resolverArgs);
    return out;
  }

  private static void add(List<String> out, String flag, String value) {
    if (value != null) {
      out.add(flag);
      out.add(value);
    }
  }

  private static String normalize(String value, String sentinel) {
    return sentinel.equals(value) ? null : value;
  }

  private static String normalizePrevCheckpoint(String value) {
    if (value == null || value.isEmpty() || value.equals("\"\"") || value.equals(PREV_CHECKPOINT_SENTINEL)) {
      return null;
    }
    return value;
  }
}
