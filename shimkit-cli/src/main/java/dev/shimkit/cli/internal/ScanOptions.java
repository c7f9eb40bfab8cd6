package dev.shimkit.cli.internal;

import dev.shimkit.cli.EntityFinder;
import dev.shimkit.cli.PackageFiles;
import dev.shimkit.cli.RegistrableEntity;
import dev.shimkit.cli.SerializedEntity;
import dev.shimkit.config.ImageConfig;
import dev.shimkit.config.SerializationSettings;
import dev.shimkit.errors.FlyteUserException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --pkgs}, {@code --classpath}, {@code --image} and {@code --env}: what to find and how to serialize it. */
public final class ScanOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--pkgs", split = ",", paramLabel = "PACKAGE",
      description = "Java packages (subpackages included) whose public static fields hold tasks, workflows and "
          + "launch plans; repeat or separate with commas")
  List<String> packages = new ArrayList<>();

  @Option(names = {"--classpath", "-cp"}, paramLabel = "PATH",
      description = "Jars and class directories holding those packages, separated by the platform path separator "
          + "(default: shimkit's own classpath)")
  String classpath;

  @Option(names = {"-i", "--image"}, paramLabel = "name=uri",
      description = "An image tasks may use: name=uri, or a bare uri for the default image (tag or digest "
          + "required); repeatable")
  List<String> images = new ArrayList<>();

  @Option(names = "--env", paramLabel = "KEY=VALUE", description = "Environment variable for every task "
      + "container; repeatable")
  Map<String, String> containerEnv = new LinkedHashMap<>();

  /** The classpath entries given. */
  public List<Path> classpathEntries() {
    return Classpaths.parse(classpath);
  }

  /** Image config from {@code --image}; a bad value is a usage error. */
  public ImageConfig imageConfig(Map<String, String> env) {
    try {
      return ImageConfig.validateImage(images, env);
    } catch (FlyteUserException e) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--image': " + e.getMessage(), e);
    }
  }

  /** Settings for a package: images and env, project/domain/version left for the registration tool. */
  public SerializationSettings packageSettings(Map<String, String> env) {
    return SerializationSettings.newBuilder().imageConfig(imageConfig(env)).env(containerEnv).build();
  }

  /** Finds the entities and serializes them under {@code settings}, with the user classes' loader in place. */
  public List<SerializedEntity> findAndSerialize(SerializationSettings settings) {
    if (packages.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "Missing required option: '--pkgs=PACKAGE'");
    }
    EntityFinder finder = EntityFinder.of(packages, classpathEntries(), ScanOptions.class.getClassLoader());
    List<RegistrableEntity> entities = finder.find();
    Thread t = Thread.currentThread();
    ClassLoader previous = t.getContextClassLoader();
    t.setContextClassLoader(finder.classLoader());
    try {
      return PackageFiles.serialize(entities, settings);
    } finally {
      t.setContextClassLoader(previous);
    }
  }
}
