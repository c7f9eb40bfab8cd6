package dev.shimkit.image;

import dev.shimkit.config.Image;
import dev.shimkit.context.ExecutionState;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.image.internal.ImageLayout;
import dev.shimkit.image.internal.ImageSpecYaml;
import dev.shimkit.image.internal.MavenLocalRepository;
import dev.shimkit.image.internal.PinnedPackages;
import dev.shimkit.image.internal.RegistryClient;
import dev.shimkit.image.internal.SpecHasher;
import dev.shimkit.image.internal.SpecValidation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a task image contains, described as data so its name can be computed without building it: the JVM
 * counterpart of flytekit's {@code ImageSpec}. A base image (a reference, {@code scratch}, {@code tar:<path>}
 * for the jib builder, or another spec), then Maven {@link #packages()}, {@link #jars()},
 * {@link #classesDirs()} and {@link #copy()} files, environment, entrypoint. Immutable; {@code withX} return
 * new specs. {@link ImageBuildEngine#build} builds and pushes it.
 *
 * <p>The {@link #tag()} is a content hash (algorithm in {@code docs/imagespec-tag.md}, implemented by
 * {@code SpecHasher}): the same spec and the same file contents give the same tag on every machine and run.
 * {@link #id()} hashes the spec without reading files; builders bake it into the image as {@code _F_IMG_ID}
 * so {@link #isContainer()} can tell, inside a task, which image it runs in.
 */
public final class ImageSpec {
  /** The builder name that builds nothing: the spec names its existing base image. */
  public static final String NOOP_BUILDER = "noop";

  private final String name;
  private final String baseImage;
  private final ImageSpec baseImageSpec;
  private final int javaVersion;
  private final List<String> packages;
  private final List<String> aptPackages;
  private final Map<String, String> env;
  private final String registry;
  private final String platform;
  private final List<String> entrypoint;
  private final List<String> commands;
  private final List<Path> copy;
  private final Path sourceRoot;
  private final String tagFormat;
  private final String builder;
  private final List<Path> jars;
  private final List<Path> classesDirs;
  private final List<String> jvmFlags;
  private final String mainClass;
  private final boolean forcePush;
  private volatile String tag;

  private ImageSpec(Builder b) {
    name = SpecValidation.name(b.name);
    if (b.baseImage != null && b.baseImage.isBlank()) {
      throw new FlyteValidationException("ImageSpec.base_image: empty; give an image reference such as"
          + " eclipse-temurin:17-jre, \"scratch\", or leave it unset");
    }
    baseImage = b.baseImage;
    baseImageSpec = b.baseImageSpec;
    javaVersion = SpecValidation.javaVersion(b.javaVersion);
    packages = SpecValidation.strings("packages", b.packages);
    packages.forEach(MavenLocalRepository::validate);
    aptPackages = SpecValidation.strings("apt_packages", b.aptPackages);
    SpecValidation.env(b.env);
    env = Map.copyOf(b.env);
    registry = SpecValidation.registry(b.registry);
    platform = SpecValidation.platform(b.platform != null ? b.platform : SpecValidation.defaultPlatform(registry));
    entrypoint = SpecValidation.strings("entrypoint", b.entrypoint);
    commands = SpecValidation.strings("commands", b.commands);
    copy = SpecValidation.paths("copy", b.copy);
    sourceRoot = b.sourceRoot;
    tagFormat = SpecValidation.tagFormat(b.tagFormat);
    builder = b.builder;
    jars = SpecValidation.paths("jars", b.jars);
    classesDirs = SpecValidation.paths("classes_dirs", b.classesDirs);
    jvmFlags = SpecValidation.strings("jvm_flags", b.jvmFlags);
    mainClass = SpecValidation.mainClass(b.mainClass);
    forcePush = b.forcePush;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * A spec for the running JVM: {@code javaVersion} is this JVM's feature version, and each
   * {@code group:artifact} of {@code pinnedPackages} is added to packages with the version found on the class
   * path (its {@code META-INF/maven/.../pom.properties}). Setting the Java version in {@code customize} is an
   * error, as flytekit's {@code from_env} rejects {@code python_version}.
   */
  public static ImageSpec fromEnv(List<String> pinnedPackages, Consumer<Builder> customize) {
    Builder b = builder();
    customize.accept(b);
    if (b.javaVersionSet) {
      throw new FlyteValidationException("ImageSpec.fromEnv: java_version is taken from the running JVM ("
          + Runtime.version().feature() + "); do not set it, or use ImageSpec.builder() to choose another");
    }
    b.javaVersion = Runtime.version().feature();
    b.packages.addAll(PinnedPackages.pin(pinnedPackages));
    return b.build();
  }

  /** {@link #fromEnv(List, Consumer)} with nothing pinned. */
  public static ImageSpec fromEnv(Consumer<Builder> customize) {
    return fromEnv(List.of(), customize);
  }

  /**
   * Reads a spec from YAML with flytekit's snake_case keys: name, base_image (string or nested spec),
   * java_version, packages, apt_packages, env, registry, platform, entrypoint, commands, copy, source_root,
   * tag_format, builder, jars, classes_dirs, jvm_flags, main_class. Relative {@code source_root} is resolved
   * against the file's directory, which is also the default source root.
   */
  public static ImageSpec fromYaml(Path file) {
    return ImageSpecYaml.read(file);
  }

  public String name() { return name; }

  /** The base image reference when it is a string (not a spec). */
  public Optional<String> baseImage() { return Optional.ofNullable(baseImage); }

  /** The base image when it is another spec (built first by the engine). */
  public Optional<ImageSpec> baseImageSpec() { return Optional.ofNullable(baseImageSpec); }

  /** Java feature version of the image (chooses the default base image). Default 17. */
  public int javaVersion() { return javaVersion; }

  /** Maven coordinates {@code group:artifact:version} whose jars go into {@code /app/libs}. */
  public List<String> packages() { return packages; }

  public List<String> aptPackages() { return aptPackages; }

  public Map<String, String> env() { return env; }

  public Optional<String> registry() { return Optional.ofNullable(registry); }

  /** {@code os/arch}, comma-separated for several; default linux/amd64. */
  public String platform() { return platform; }

  public List<String> entrypoint() { return entrypoint; }

  /** Shell commands run while building (dockerfile builder only). */
  public List<String> commands() { return commands; }

  /** Files and directories copied under {@code /root}, at their path relative to the source root. */
  public List<Path> copy() { return copy; }

  /** The directory relative paths are resolved against; not part of the id or tag. */
  public Optional<Path> sourceRoot() { return Optional.ofNullable(sourceRoot); }

  /** e.g. {@code "{spec_hash}-java"}. */
  public Optional<String> tagFormat() { return Optional.ofNullable(tagFormat); }

  /** The builder name; empty means the engine's highest-priority builder. */
  public Optional<String> builderName() { return Optional.ofNullable(builder); }

  /** Local jar files added to {@code /app/libs}. */
  public List<Path> jars() { return jars; }

  /** Local class directories merged into {@code /app/classes}. */
  public List<Path> classesDirs() { return classesDirs; }

  /** JVM flags, baked in as {@code JDK_JAVA_OPTIONS}. */
  public List<String> jvmFlags() { return jvmFlags; }

  /** With no entrypoint, a main class makes the entrypoint {@code java -cp <classpath> <mainClass>}. */
  public Optional<String> mainClass() { return Optional.ofNullable(mainClass); }

  /** Whether the engine builds and pushes even when the image exists. */
  public boolean isForcePush() { return forcePush; }

  /** A copy that the engine builds even when the image already exists. */
  public ImageSpec forcePush() {
    Builder b = toBuilder();
    b.forcePush = true;
    return b.build();
  }

  public ImageSpec withPackages(String... more) { return with(b -> b.packages.addAll(Arrays.asList(more))); }

  public ImageSpec withAptPackages(String... more) { return with(b -> b.aptPackages.addAll(Arrays.asList(more))); }

  public ImageSpec withCommands(String... more) { return with(b -> b.commands.addAll(Arrays.asList(more))); }

  public ImageSpec withCopy(Path... more) { return with(b -> b.copy.addAll(Arrays.asList(more))); }

  private ImageSpec with(Consumer<Builder> change) {
    Builder b = toBuilder();
    change.accept(b);
    return b.build();
  }

  /** Hash of the spec without reading any file (what {@code _F_IMG_ID} holds); 22 base64url chars. */
  public String id() {
    return SpecHasher.id(this);
  }

  /** Content hash of the spec and its files, computed once per instance, with {@code tagFormat} applied. */
  public String tag() {
    String t = tag;
    if (t == null) {
      t = SpecHasher.tag(this, MavenLocalRepository.defaultRepository());
      tag = t;
    }
    return t;
  }

  /**
   * {@code [registry/]name:tag}; for the {@code noop} builder, the base image itself (nothing is built, the
   * spec stands for an existing image).
   */
  public String imageName() {
    if (NOOP_BUILDER.equals(builder) && baseImage != null) {
      return baseImage;
    }
    return (registry != null ? registry + "/" : "") + name + ":" + tag();
  }

  /** Asks the registry for {@code name:tag}; {@link ImageExistence.Unknown} without a registry. */
  public ImageExistence exist() {
    if (registry == null) {
      return new ImageExistence.Unknown("no registry set for image " + imageName() + ", so there is nothing to"
          + " look it up in; set registry to push and check images");
    }
    return RegistryClient.exists(registry, name, tag());
  }

  /**
   * Whether code runs in this spec's image: inside a task execution (mode set, other than local workflow
   * execution) compares {@code $_F_IMG_ID} with {@link #id()}; elsewhere true.
   */
  public boolean isContainer() {
    return isContainer(System.getenv());
  }

  boolean isContainer(Map<String, String> environment) {
    ExecutionState.Mode mode = FlyteContextManager.current().executionState().map(ExecutionState::mode)
        .orElse(null);
    if (mode != null && mode != ExecutionState.Mode.LOCAL_WORKFLOW_EXECUTION) {
      return id().equals(environment.get(ImageLayout.IMAGE_ID_ENV));
    }
    return true;
  }

  /** This spec's image as an entry of an {@link dev.shimkit.config.ImageConfig}. */
  public Image toImage(String imageConfigName) {
    return Image.lookUpImageInfo(imageConfigName, imageName(), false);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageSpec s && javaVersion == s.javaVersion && forcePush == s.forcePush
        && name.equals(s.name) && Objects.equals(baseImage, s.baseImage)
        && Objects.equals(baseImageSpec, s.baseImageSpec) && packages.equals(s.packages)
        && aptPackages.equals(s.aptPackages) && env.equals(s.env) && Objects.equals(registry, s.registry)
        && platform.equals(s.platform) && entrypoint.equals(s.entrypoint) && commands.equals(s.commands)
        && copy.equals(s.copy) && Objects.equals(sourceRoot, s.sourceRoot) && Objects.equals(tagFormat, s.tagFormat)
        && Objects.equals(builder, s.builder) && jars.equals(s.jars) && classesDirs.equals(s.classesDirs)
        && jvmFlags.equals(s.jvmFlags) && Objects.equals(mainClass, s.mainClass);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, baseImage, baseImageSpec, javaVersion, packages, registry, platform, copy, jars);
  }

  @Override
  public String toString() {
    return "ImageSpec" + SpecHasher.idForm(this);
  }

  /** Collects the fields of an {@link ImageSpec}; {@link #build()} validates them. */
  public static final class Builder {
    private String name = "shimkit";
    private String baseImage;
    private ImageSpec baseImageSpec;
    private int javaVersion = 17;
    private boolean javaVersionSet;
    private final List<String> packages = new ArrayList<>();
    private final List<String> aptPackages = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private String registry;
    private String platform;
    private final List<String> entrypoint = new ArrayList<>();
    private final List<String> commands = new ArrayList<>();
    private final List<Path> copy = new ArrayList<>();
    private Path sourceRoot;
    private String tagFormat;
    private String builder;
    private final List<Path> jars = new ArrayList<>();
    private final List<Path> classesDirs = new ArrayList<>();
    private final List<String> jvmFlags = new ArrayList<>();
    private String mainClass;
    private boolean forcePush;

    private Builder() {
    }

    private Builder(ImageSpec s) {
      name = s.name;
      baseImage = s.baseImage;
      baseImageSpec = s.baseImageSpec;
      javaVersion = s.javaVersion;
      packages.addAll(s.packages);
      aptPackages.addAll(s.aptPackages);
      env.putAll(s.env);
      registry = s.registry;
      platform = s.platform;
      entrypoint.addAll(s.entrypoint);
      commands.addAll(s.commands);
      copy.addAll(s.copy);
      sourceRoot = s.sourceRoot;
      tagFormat = s.tagFormat;
      builder = s.builder;
      jars.addAll(s.jars);
      classesDirs.addAll(s.classesDirs);
      jvmFlags.addAll(s.jvmFlags);
      mainClass = s.mainClass;
      forcePush = s.forcePush;
    }

    public Builder name(String v) { name = v; return this; }

    /** A reference ({@code eclipse-temurin:21-jre}), {@code scratch}, or {@code tar:<path>} (jib). */
    public Builder baseImage(String v) { baseImage = v; baseImageSpec = null; return this; }

    public Builder baseImage(ImageSpec v) { baseImageSpec = v; baseImage = null; return this; }

    public Builder javaVersion(int v) { javaVersion = v; javaVersionSet = true; return this; }

    public Builder packages(List<String> v) { packages.clear(); packages.addAll(v); return this; }

    public Builder aptPackages(List<String> v) { aptPackages.clear(); aptPackages.addAll(v); return this; }

    public Builder env(Map<String, String> v) { env.clear(); env.putAll(v); return this; }

    public Builder env(String key, String value) { env.put(key, value); return this; }

    public Builder registry(String v) { registry = v; return this; }

    public Builder platform(String v) { platform = v; return this; }

    public Builder entrypoint(List<String> v) { entrypoint.clear(); entrypoint.addAll(v); return this; }

    public Builder commands(List<String> v) { commands.clear(); commands.addAll(v); return this; }

    public Builder copy(List<Path> v) { copy.clear(); copy.addAll(v); return this; }

    public Builder sourceRoot(Path v) { sourceRoot = v; return this; }

    public Builder tagFormat(String v) { tagFormat = v; return this; }

    public Builder builder(String v) { builder = v; return this; }

    public Builder jars(List<Path> v) { jars.clear(); jars.addAll(v); return this; }

    public Builder classesDirs(List<Path> v) { classesDirs.clear(); classesDirs.addAll(v); return this; }

    public Builder jvmFlags(List<String> v) { jvmFlags.clear(); jvmFlags.addAll(v); return this; }

    public Builder mainClass(String v) { mainClass = v; return this; }

    public ImageSpec build() {
      return new ImageSpec(this);
    }
  }
}
