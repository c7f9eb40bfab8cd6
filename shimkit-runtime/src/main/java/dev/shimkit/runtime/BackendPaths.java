package dev.shimkit.runtime;

import dev.shimkit.storage.FileAccessProvider;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where one attempt of one node keeps its data in a local backend run, laid out like Flyte's propeller does:
 * <pre>
 * &lt;root&gt;/&lt;execution&gt;/&lt;node&gt;/data/inputs.pb       input LiteralMap        {{.input}}
 * &lt;root&gt;/&lt;execution&gt;/&lt;node&gt;/data/task.pb         task template           {{.taskTemplatePath}}
 * &lt;root&gt;/&lt;execution&gt;/&lt;node&gt;/data/&lt;attempt&gt;/     outputs.pb or error.pb  {{.outputPrefix}}
 * &lt;rawRoot&gt;/&lt;shard&gt;/&lt;execution&gt;-&lt;node&gt;-&lt;attempt&gt;   raw data   {{.rawOutputDataPrefix}}
 * </pre>
 * The raw output prefix is unique per attempt and spread over 1296 two-character shards chosen by an FNV-1a
 * hash of the attempt's generated name (propeller's base-36 shard selector); checkpoints go to
 * {@code <raw output prefix>/_flytecheckpoints}. Roots may be local directories or URIs ({@code s3://...}).
 */
public record BackendPaths(String root, String rawRoot, String executionName, String nodeId, int attempt) {
  /** Propeller's limit on a generated name before it is hashed ({@code IDMaxLength}). */
  static final int GENERATED_NAME_MAX_LENGTH = 50;
  private static final String SHARD_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final char[] BASE32_LOWER = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  public BackendPaths {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(rawRoot, "rawRoot");
    Objects.requireNonNull(executionName, "executionName");
    Objects.requireNonNull(nodeId, "nodeId");
    if (attempt < 0) {
      throw new IllegalArgumentException("attempt must be >= 0, got " + attempt);
    }
  }

  /** Paths under {@code root}, raw data under {@code <root>/raw}. */
  public static BackendPaths of(String root, String executionName, String nodeId, int attempt) {
    return new BackendPaths(root, FileAccessProvider.join(root, "raw"), executionName, nodeId, attempt);
  }

  /** The node's data directory ({@code {{.inputPrefix}}}). */
  public String dataDir() {
    return FileAccessProvider.join(root, executionName, nodeId, "data");
  }

  /** The input {@code LiteralMap} ({@code {{.input}}}). */
  public String inputPath() {
    return FileAccessProvider.join(dataDir(), "inputs.pb");
  }

  /** Where the task template is written ({@code {{.taskTemplatePath}}}). */
  public String taskTemplatePath() {
    return FileAccessProvider.join(dataDir(), "task.pb");
  }

  /** This attempt's output prefix ({@code {{.outputPrefix}}}). */
  public String outputPrefix() {
    return FileAccessProvider.join(dataDir(), Integer.toString(attempt));
  }

  /** The attempt's generated name: {@code <execution>-<node>-<attempt>}, hashed when longer than 50. */
  public String generatedName() {
    return fixedLengthUniqueId(executionName + "-" + nodeId + "-" + attempt, GENERATED_NAME_MAX_LENGTH);
  }

  /** This attempt's raw output prefix ({@code {{.rawOutputDataPrefix}}}). */
  public String rawOutputPrefix() {
    String name = generatedName();
    return FileAccessProvider.join(rawRoot, shard(name), name);
  }

  /** Where this attempt writes checkpoints ({@code {{.checkpointOutputPrefix}}}). */
  public String checkpointPrefix() {
    return FileAccessProvider.join(rawOutputPrefix(), "_flytecheckpoints");
  }

  /** The previous attempt's checkpoint prefix, or "" on the first attempt. */
  public String prevCheckpointPrefix() {
    return attempt == 0 ? "" : withAttempt(attempt - 1).checkpointPrefix();
  }

  /** The same node's paths for another attempt. */
  public BackendPaths withAttempt(int newAttempt) {
    return new BackendPaths(root, rawRoot, executionName, nodeId, newAttempt);
  }

  /** Renderer parameters holding these paths; add namespace, inputs and the template writer. */
  public TemplateParameters.Builder templateParameters() {
    return TemplateParameters.builder()
        .inputPath(inputPath())
        .inputPrefix(dataDir())
        .outputPrefix(outputPrefix())
        .rawOutputDataPrefix(rawOutputPrefix())
        .prevCheckpointPrefix(prevCheckpointPrefix())
        .checkpointOutputPrefix(checkpointPrefix())
        .generatedName(generatedName());
  }

  /** Propeller's shard of a name: FNV-1a 32 of its bytes, modulo 36*36, as two base-36 characters. */
  static String shard(String name) {
    int idx = (int) (Integer.toUnsignedLong(fnv1a32(name.getBytes(StandardCharsets.UTF_8))) % (36 * 36));
    return "" + SHARD_CHARS.charAt(idx / 36) + SHARD_CHARS.charAt(idx % 36);
  }

  /** flytestdlib's {@code FixedLengthUniqueID}: the id itself if short enough, else "f" + base32(fnv1a32). */
  static String fixedLengthUniqueId(String id, int maxLength) {
    if (id.getBytes(StandardCharsets.UTF_8).length <= maxLength) {
      return id;
    }
    int h = fnv1a32(id.getBytes(StandardCharsets.UTF_8));
    byte[] b = {(byte) (h >>> 24), (byte) (h >>> 16), (byte) (h >>> 8), (byte) h};
    StringBuilder out = new StringBuilder("f");
    long bits = 0;
    int nbits = 0;
    for (byte x : b) {
      bits = (bits << 8) | (x & 0xff);
      nbits += 8;
      while (nbits >= 5) {
        out.append(BASE32_LOWER[(int) (bits >>> (nbits - 5)) & 31]);
        nbits -= 5;
      }
    }
    if (nbits > 0) {
      out.append(BASE32_LOWER[(int) (bits << (5 - nbits)) & 31]);
    }
    return out.toString();
  }

  static int fnv1a32(byte[] data) {
    int h = 0x811c9dc5;
    for (byte x : data) {
      h ^= x & 0xff;
      h *= 0x01000193;
    }
    return h;
  }
}
