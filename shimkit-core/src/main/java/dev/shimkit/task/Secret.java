package dev.shimkit.task;

import dev.shimkit.context.ExecutionState;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.errors.FlyteValidationException;
import flyteidl.core.Security;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A request for a secret the platform injects into the task's container: {@code group} (e.g. the Kubernetes
 * secret name), optional {@code key} within it, optional {@code groupVersion}, how it should be mounted, and
 * optionally the environment variable that should hold it. It names a secret; it never holds its value.
 *
 * <p>Validation follows flytekit: {@code group} is required when the secret is declared (no execution is
 * running); {@link #fromIdl} accepts what the backend sends. {@code envVar} must be a valid variable name.
 */
public final class Secret {

  /** How the secret should be injected; values as in {@code core.Secret.MountType}. */
  public enum MountType {
    /** Environment variable or file, the platform decides. */
    ANY(Security.Secret.MountType.ANY),
    /** As an environment variable. */
    ENV_VAR(Security.Secret.MountType.ENV_VAR),
    /** As a file. */
    FILE(Security.Secret.MountType.FILE);

    private final Security.Secret.MountType idl;

    MountType(Security.Secret.MountType idl) {
      this.idl = idl;
    }

    public Security.Secret.MountType toIdl() {
      return idl;
    }

    public static MountType fromIdl(Security.Secret.MountType idl) {
      for (MountType m : values()) {
        if (m.idl == idl) {
          return m;
        }
      }
      throw new FlyteValidationException("Secret.mountRequirement: unknown IDL mount type " + idl
          + "; expected ANY, ENV_VAR or FILE");
    }
  }

  private static final Pattern ENV_VAR = Pattern.compile("^[A-Z_][A-Z0-9_]*$");

  private final String group;
  private final String key;
  private final String groupVersion;
  private final MountType mountRequirement;
  private final String envVar;

  private Secret(Builder b, boolean requireGroup) {
    if (requireGroup && b.group == null && inRegistrationContext()) {
      throw new FlyteValidationException("Secret: group is a required parameter; name the secret group, e.g."
          + " Secret.of(\"my-group\", \"my-key\")");
    }
    if (b.envVar != null && !ENV_VAR.matcher(b.envVar).matches()) {
      throw new FlyteValidationException("Secret.envVar: invalid environment variable name \"" + b.envVar
          + "\"; use upper-case letters, digits and '_', not starting with a digit (e.g. \"AWS_ACCESS_KEY_ID\")");
    }
    this.group = b.group;
    this.key = b.key;
    this.groupVersion = b.groupVersion;
    this.mountRequirement = b.mountRequirement == null ? MountType.ANY : b.mountRequirement;
    this.envVar = b.envVar;
  }

  /** A secret {@code key} in {@code group}, mounted however the platform likes. */
  public static Secret of(String group, String key) {
    return builder(group).key(key).build();
  }

  /** A whole secret group (no key). */
  public static Secret of(String group) {
    return builder(group).build();
  }

  public static Builder builder(String group) {
    return new Builder().group(group);
  }

  public Builder toBuilder() {
    return new Builder().group(group).key(key).groupVersion(groupVersion).mountRequirement(mountRequirement)
        .envVar(envVar);
  }

  /** The group; empty only for a secret read from IDL without one. */
  public Optional<String> group() {
    return Optional.ofNullable(group);
  }

  public Optional<String> key() {
    return Optional.ofNullable(key);
  }

  public Optional<String> groupVersion() {
    return Optional.ofNullable(groupVersion);
  }

  public MountType mountRequirement() {
    return mountRequirement;
  }

  public Optional<String> envVar() {
    return Optional.ofNullable(envVar);
  }

  /** {@code core.Secret(group, group_version, key, mount_requirement, env_var)}; absent parts stay empty. */
  public Security.Secret toIdl() {
    Security.Secret.Builder b = Security.Secret.newBuilder().setMountRequirement(mountRequirement.toIdl());
    if (group != null) {
      b.setGroup(group);
    }
    if (groupVersion != null) {
      b.setGroupVersion(groupVersion);
    }
    if (key != null) {
      b.setKey(key);
    }
    if (envVar != null) {
      b.setEnvVar(envVar);
    }
    return b.build();
  }

  /** Reads a {@code core.Secret}; empty strings become absent parts. The group is not required here. */
  public static Secret fromIdl(Security.Secret idl) {
    Builder b = new Builder().group(blankToNull(idl.getGroup())).key(blankToNull(idl.getKey()))
        .groupVersion(blankToNull(idl.getGroupVersion())).mountRequirement(MountType.fromIdl(idl.getMountRequirement()))
        .envVar(blankToNull(idl.getEnvVar()));
    return new Secret(b, false);
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static boolean inRegistrationContext() {
    return FlyteContextManager.current().executionState().map(ExecutionState::mode).isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && Objects.equals(group, s.group) && Objects.equals(key, s.key)
        && Objects.equals(groupVersion, s.groupVersion) && mountRequirement == s.mountRequirement
        && Objects.equals(envVar, s.envVar);
  }

  @Override
  public int hashCode() {
    return Objects.hash(group, key, groupVersion, mountRequirement, envVar);
  }

  /** Group and key only, e.g. {@code Secret(group=db, key=password)}. */
  @Override
  public String toString() {
    return "Secret(group=" + group + (key != null ? ", key=" + key : "") + ")";
  }

  /** Builds a {@link Secret}; {@link #build()} validates. */
  public static final class Builder {
    private String group;
    private String key;
    private String groupVersion;
    private MountType mountRequirement = MountType.ANY;
    private String envVar;

    private Builder() {
    }

    public Builder group(String group) {
      this.group = group;
      return this;
    }

    public Builder key(String key) {
      this.key = key;
      return this;
    }

    public Builder groupVersion(String groupVersion) {
      this.groupVersion = groupVersion;
      return this;
    }

    public Builder mountRequirement(MountType mountRequirement) {
      this.mountRequirement = mountRequirement;
      return this;
    }

    /** The environment variable that should hold the secret, e.g. {@code AWS_ACCESS_KEY_ID}. */
    public Builder envVar(String envVar) {
      this.envVar = envVar;
      return this;
    }

    public Secret build() {
      return new Secret(this, true);
    }
  }
}
