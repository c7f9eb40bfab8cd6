package dev.shimkit.config;

import dev.shimkit.config.internal.ContextCodec;
import dev.shimkit.config.internal.SettingsJson;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.task.ResourceSpec;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How tasks are serialized: the target project/domain/version (null when a registration tool fills them in,
 * as for packages), the images, the container environment, default resources and where Java lives in the
 * image. Counterpart of flytekit's {@code SerializationSettings}; {@code python_interpreter} becomes
 * {@link #javaExecutable()} and {@code flytekit_virtualenv_root} becomes {@link #javaHome()}.
 *
 * <p>It travels to containers (dynamic tasks) as the {@value #SERIALIZED_CONTEXT_ENV_VAR} environment
 * variable: see {@link #serializedContext()} and {@link #fromTransport(String)}.
 */
public final class SerializationSettings {

  /** Environment variable that carries the serialized settings into a container. */
  public static final String SERIALIZED_CONTEXT_ENV_VAR = "_F_SS_C";
  /**
   * The Java launcher inside the image when none is given: the {@code JAVA_HOME} of the official
   * Eclipse Temurin images ({@code /opt/java/openjdk}) plus {@code bin/java}.
   */
  public static final String DEFAULT_JAVA_EXECUTABLE = "/opt/java/openjdk/bin/java";

  private final ImageConfig imageConfig;
  private final String project;
  private final String domain;
  private final String version;
  private final Map<String, String> env;
  private final ResourceSpec defaultResources;
  private final String gitRepo;
  private final String javaExecutable;
  private final String javaHome;
  private final FastSerializationSettings fastSerializationSettings;
  private final String sourceRoot;

  private SerializationSettings(Builder b) {
    if (b.imageConfig == null) {
      throw new FlyteValidationException("SerializationSettings: imageConfig is required; e.g."
          + " SerializationSettings.forImage(\"ghcr.io/acme/app:v1\", \"v1\", project, domain)");
    }
    this.imageConfig = b.imageConfig;
    this.project = b.project;
    this.domain = b.domain;
    this.version = b.version;
    this.env = Collections.unmodifiableMap(new LinkedHashMap<>(b.env));
    this.defaultResources = b.defaultResources;
    this.gitRepo = b.gitRepo;
    this.javaExecutable = b.javaExecutable == null ? DEFAULT_JAVA_EXECUTABLE : b.javaExecutable;
    this.javaHome = b.javaHome == null ? javaHomeFromExecutable(this.javaExecutable) : b.javaHome;
    this.fastSerializationSettings = b.fastSerializationSettings;
    this.sourceRoot = b.sourceRoot;
  }

  /** An empty builder (set at least {@link Builder#imageConfig(ImageConfig)}). */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * A builder holding these settings; its env is a copy, so changing it leaves this object alone. A Java home
   * that was derived stays derived (changing the executable derives it anew).
   */
  public Builder toBuilder() {
    Builder b = new Builder().imageConfig(imageConfig).project(project).domain(domain).version(version)
        .env(env).defaultResources(defaultResources).gitRepo(gitRepo).javaExecutable(javaExecutable)
        .fastSerializationSettings(fastSerializationSettings).sourceRoot(sourceRoot);
    if (!javaHome.equals(javaHomeFromExecutable(javaExecutable))) {
      b.javaHome(javaHome);
    }
    return b;
  }

  /**
   * Settings for one image: {@code image} (tag or digest required) becomes the default image; the Java
   * executable is {@link #DEFAULT_JAVA_EXECUTABLE}.
   */
  public static SerializationSettings forImage(String image, String version, String project, String domain) {
    Image def = Image.lookUpImageInfo(Image.DEFAULT_IMAGE_NAME, image, false);
    return newBuilder().imageConfig(ImageConfig.ofDefault(def)).version(version).project(project).domain(domain)
        .build();
  }

  /**
   * The settings flytekit's {@code PythonCustomizedContainerTask} serializes with for local runs: project
   * {@code PLACEHOLDER_PROJECT}, domain {@code LOCAL}, version {@code PLACEHOLDER_VERSION}, default image
   * {@code custom_container_task = flyteorg.io/placeholder:image}, no env.
   */
  public static SerializationSettings placeholder() {
    return newBuilder().project("PLACEHOLDER_PROJECT").domain("LOCAL").version("PLACEHOLDER_VERSION")
        .imageConfig(ImageConfig.ofDefault(new Image("custom_container_task", "flyteorg.io/placeholder", "image",
            null)))
        .build();
  }

  /** {@code dirname(dirname(executable))}: {@code /opt/java/openjdk/bin/java -> /opt/java/openjdk}. */
  public static String javaHomeFromExecutable(String javaExecutable) {
    return pythonDirname(pythonDirname(javaExecutable));
  }

  private static String pythonDirname(String p) {
    int i = p.lastIndexOf('/') + 1;
    String head = p.substring(0, i);
    if (!head.isEmpty() && !head.chars().allMatch(c -> c == '/')) {
      head = head.replaceAll("/+$", "");
    }
    return head;
  }

  public ImageConfig imageConfig() {
    return imageConfig;
  }

  /** The project, or null when the registration tool fills it in. */
  public String project() {
    return project;
  }

  /** The domain, or null when the registration tool fills it in. */
  public String domain() {
    return domain;
  }

  /** The version, or null when the registration tool fills it in. */
  public String version() {
    return version;
  }

  /** Environment variables for every task container, in insertion order; never null. */
  public Map<String, String> env() {
    return env;
  }

  /** Resources for tasks that set none themselves. */
  public Optional<ResourceSpec> defaultResources() {
    return Optional.ofNullable(defaultResources);
  }

  public Optional<String> gitRepo() {
    return Optional.ofNullable(gitRepo);
  }

  /** Path of the {@code java} launcher inside the image (flytekit: {@code python_interpreter}). */
  public String javaExecutable() {
    return javaExecutable;
  }

  /**
   * The Java installation inside the image (flytekit: {@code flytekit_virtualenv_root}); derived from
   * {@link #javaExecutable()} when not given.
   */
  public String javaHome() {
    return javaHome;
  }

  public Optional<FastSerializationSettings> fastSerializationSettings() {
    return Optional.ofNullable(fastSerializationSettings);
  }

  /** The root of the user's source tree, if known. */
  public Optional<String> sourceRoot() {
    return Optional.ofNullable(sourceRoot);
  }

  /** True when fast serialization settings are present and enabled. */
  public boolean shouldFastSerialize() {
    return fastSerializationSettings != null && fastSerializationSettings.enabled();
  }

  /**
   * JSON with flytekit's snake_case names and order: {@code image_config, project, domain, version, env,
   * default_resources, git_repo, java_executable, java_home, fast_serialization_settings, source_root};
   * absent values are written as {@code null}.
   */
  public String toJson() {
    return SettingsJson.write(SettingsJson.settings(this));
  }

  /** Reads {@link #toJson()}'s format; unknown keys (such as flytekit's {@code python_interpreter}) are ignored. */
  public static SerializationSettings fromJson(String json) {
    return SettingsJson.settings(SettingsJson.read(json, "SerializationSettings"));
  }

  /**
   * The value of {@value #SERIALIZED_CONTEXT_ENV_VAR}: the one in {@link #env()} if present, else
   * {@code base64(gzip(toJson()))} with a fixed gzip header (mtime 0), so equal settings give equal text.
   */
  public String serializedContext() {
    String existing = env.get(SERIALIZED_CONTEXT_ENV_VAR);
    return existing != null ? existing : ContextCodec.encode(toJson());
  }

  /** Settings read back from a {@link #serializedContext()} value. */
  public static SerializationSettings fromTransport(String serialized) {
    return fromJson(ContextCodec.decode(serialized));
  }

  /** A copy whose env also holds {@value #SERIALIZED_CONTEXT_ENV_VAR} = {@link #serializedContext()}. */
  public SerializationSettings withSerializedContext() {
    return toBuilder().putEnv(SERIALIZED_CONTEXT_ENV_VAR, serializedContext()).build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SerializationSettings s && imageConfig.equals(s.imageConfig)
        && Objects.equals(project, s.project) && Objects.equals(domain, s.domain)
        && Objects.equals(version, s.version) && env.equals(s.env)
        && Objects.equals(defaultResources, s.defaultResources) && Objects.equals(gitRepo, s.gitRepo)
        && javaExecutable.equals(s.javaExecutable) && javaHome.equals(s.javaHome)
        && Objects.equals(fastSerializationSettings, s.fastSerializationSettings)
        && Objects.equals(sourceRoot, s.sourceRoot);
  }

  @Override
  public int hashCode() {
    return Objects.hash(imageConfig, project, domain, version, env, defaultResources, gitRepo, javaExecutable,
        javaHome, fastSerializationSettings, sourceRoot);
  }

  /** Everything but env values, which may hold credentials. */
  @Override
  public String toString() {
    return "SerializationSettings(project=" + project + ", domain=" + domain + ", version=" + version
        + ", defaultImage=" + (imageConfig.defaultImage() == null ? null : imageConfig.defaultImage().full())
        + ", env keys=" + env.keySet() + ", javaExecutable=" + javaExecutable + ")";
  }

  /** Builds {@link SerializationSettings}; only {@link #imageConfig(ImageConfig)} is required. */
  public static final class Builder {
    private ImageConfig imageConfig;
    private String project;
    private String domain;
    private String version;
    private final Map<String, String> env = new LinkedHashMap<>();
    private ResourceSpec defaultResources;
    private String gitRepo;
    private String javaExecutable;
    private String javaHome;
    private FastSerializationSettings fastSerializationSettings;
    private String sourceRoot;

    private Builder() {
    }

    public Builder imageConfig(ImageConfig imageConfig) {
      this.imageConfig = imageConfig;
      return this;
    }

    public Builder project(String project) {
      this.project = project;
      return this;
    }

    public Builder domain(String domain) {
      this.domain = domain;
      return this;
    }

    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /** Replaces the env with a copy of {@code env} (null clears it). */
    public Builder env(Map<String, String> env) {
      this.env.clear();
      if (env != null) {
        this.env.putAll(env);
      }
      return this;
    }

    public Builder putEnv(String key, String value) {
      this.env.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder defaultResources(ResourceSpec defaultResources) {
      this.defaultResources = defaultResources;
      return this;
    }

    public Builder gitRepo(String gitRepo) {
      this.gitRepo = gitRepo;
      return this;
    }

    /**
     * The {@code java} launcher inside the image; null means {@link #DEFAULT_JAVA_EXECUTABLE}. Unless
     * {@link #javaHome(String)} is set, the Java home is derived from it.
     */
    public Builder javaExecutable(String javaExecutable) {
      this.javaExecutable = javaExecutable;
      return this;
    }

    /** The Java installation inside the image; null derives it from the executable. */
    public Builder javaHome(String javaHome) {
      this.javaHome = javaHome;
      return this;
    }

    public Builder fastSerializationSettings(FastSerializationSettings fss) {
      this.fastSerializationSettings = fss;
      return this;
    }

    public Builder sourceRoot(String sourceRoot) {
      this.sourceRoot = sourceRoot;
      return this;
    }

    /** {@code sourceRoot} as a path string. */
    public Builder sourceRoot(Path sourceRoot) {
      this.sourceRoot = sourceRoot == null ? null : sourceRoot.toString();
      return this;
    }

    public SerializationSettings build() {
      return new SerializationSettings(this);
    }
  }
}
