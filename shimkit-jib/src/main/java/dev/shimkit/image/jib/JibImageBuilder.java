package dev.shimkit.image.jib;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.image.ImageBuildResult;
import dev.shimkit.image.ImageSpec;
import dev.shimkit.image.ImageSpecBuilder;
import dev.shimkit.image.internal.ImageLayout;
import dev.shimkit.image.internal.MavenLocalRepository;
import dev.shimkit.image.internal.RegistryClient;
import dev.shimkit.image.internal.SpecFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code jib} ImageSpec builder (priority 5, so the default when this module is on the class path): builds
 * a layered JVM image with jib-core, with no Docker daemon, and pushes it to the spec's registry (plain HTTP
 * allowed for loopback registries) or writes it as a tar ({@link #buildTar}). Base image: a registry
 * reference, {@code scratch}, or {@code tar:<path>} (a docker/OCI tar). Layers, in order: Maven packages
 * (from the local repository), jars, class directories, copied files; then env (with {@code _F_IMG_ID}),
 * entrypoint, working directory {@code /root}, platform. jib builds reproducibly (fixed timestamps), so the
 * same spec and files give the same digest. {@code commands} and {@code apt_packages} need a shell at build
 * time, which jib does not have: they are rejected.
 */
public final class JibImageBuilder implements ImageSpecBuilder {
  private static final FilePermissions EXECUTABLE = FilePermissions.fromOctalString("755");

  public static final String NAME = "jib";
  private static final Logger LOG = LoggerFactory.getLogger(JibImageBuilder.class);

  private final MavenLocalRepository repository;

  public JibImageBuilder() {
    this(MavenLocalRepository.defaultRepository());
  }

  /** With another local Maven repository for {@code packages}. */
  public JibImageBuilder(MavenLocalRepository repository) {
    this.repository = repository;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return 5;
  }

  @Override
  public ImageBuildResult build(ImageSpec spec) {
    String registry = spec.registry().orElseThrow(() -> new FlyteValidationException("ImageSpec " + spec.name()
        + ": the jib builder pushes to a registry and none is set; set registry (e.g. localhost:30000) or write"
        + " a tar with JibImageBuilder.buildTar(spec, path)"));
    try {
      Containerizer to = Containerizer.to(RegistryImage.named(spec.imageName()));
      return containerize(spec, to, RegistryClient.isLoopback(registry));
    } catch (InvalidImageReferenceException e) {
      throw new FlyteValidationException("ImageSpec " + spec.name() + ": '" + spec.imageName()
          + "' is not a valid image reference: " + e.getMessage(), e);
    }
  }

  /** Builds the image into a docker-loadable tar at {@code tar}, named {@link ImageSpec#imageName()}. */
  public ImageBuildResult buildTar(ImageSpec spec, Path tar) {
    try {
      Files.createDirectories(tar.toAbsolutePath().getParent());
      return containerize(spec, Containerizer.to(TarImage.at(tar).named(spec.imageName())), true);
    } catch (InvalidImageReferenceException e) {
      throw new FlyteValidationException("'" + spec.imageName() + "' is not a valid image reference", e);
    } catch (IOException e) {
      throw new FlyteSystemException("Cannot create the directory of " + tar, e);
    }
  }

  private ImageBuildResult containerize(ImageSpec spec, Containerizer containerizer, boolean insecure) {
    JibContainerBuilder builder = containerBuilder(spec);
    containerizer.setAllowInsecureRegistries(insecure).setToolName("shimkit")
        .addEventHandler(LogEvent.class, e -> LOG.debug("jib: {}", e.getMessage()));
    try {
      JibContainer container = builder.containerize(containerizer);
      return ImageBuildResult.built(spec.imageName(), container.getDigest().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlyteSystemException("Interrupted while building " + spec.imageName(), e);
    } catch (ExecutionException | RegistryException | IOException | CacheDirectoryCreationException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw new FlyteSystemException("jib could not build or push " + spec.imageName() + " (base image "
          + ImageLayout.baseImage(spec) + "): " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    }
  }

  /** The jib build plan of {@code spec} (public for inspection; {@link #build} containerizes it). */
  public JibContainerBuilder containerBuilder(ImageSpec spec) {
    if (!spec.commands().isEmpty() || !spec.aptPackages().isEmpty()) {
      throw new FlyteValidationException("ImageSpec " + spec.name() + ": the jib builder cannot run commands or"
          + " install apt packages (it runs no shell while building; got commands=" + spec.commands()
          + ", apt_packages=" + spec.aptPackages() + "); bake them into the base image, or use builder"
          + " 'dockerfile' where a Docker daemon runs");
    }
    SpecFiles.Layers layers = SpecFiles.layers(spec, repository);
    JibContainerBuilder b = base(spec);
    addLayer(b, "packages", layers.packages());
    addLayer(b, "jars", layers.jars());
    addLayer(b, "classes", layers.classes());
    addLayer(b, "copy", layers.copy());
    b.setEnvironment(ImageLayout.environment(spec));
    List<String> entrypoint = ImageLayout.entrypoint(spec);
    if (!entrypoint.isEmpty()) {
      b.setEntrypoint(entrypoint);
    }
    b.setWorkingDirectory(AbsoluteUnixPath.get(ImageLayout.ROOT));
    b.setPlatforms(platforms(spec.platform()));
    return b;
  }

  private static JibContainerBuilder base(ImageSpec spec) {
    String base = ImageLayout.baseImage(spec);
    if (base.equals("scratch")) {
      return Jib.fromScratch();
    }
    if (base.startsWith("tar:")) {
      Path tar = Path.of(base.substring("tar:".length()));
      if (!Files.isRegularFile(tar)) {
        throw new FlyteValidationException("ImageSpec " + spec.name() + ": base image tar " + tar + " does not"
            + " exist; give tar:<path of a docker save or jib tar>");
      }
      return Jib.from(TarImage.at(tar));
    }
    try {
      return Jib.from(RegistryImage.named(base));
    } catch (InvalidImageReferenceException e) {
      throw new FlyteValidationException("ImageSpec " + spec.name() + ": base image '" + base + "' is not an image"
          + " reference; give e.g. eclipse-temurin:17-jre, scratch, or tar:<path>", e);
    }
  }

  private static void addLayer(JibContainerBuilder b, String name, List<SpecFiles.Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
    // executables stay executable (launch scripts); everything else gets jib's defaults (644 files, 755 dirs)
    entries.forEach(e -> layer.addEntry(e.source(), AbsoluteUnixPath.get(e.target()),
        java.nio.file.Files.isRegularFile(e.source()) && java.nio.file.Files.isExecutable(e.source())
            ? EXECUTABLE : FilePermissions.DEFAULT_FILE_PERMISSIONS));
    b.addFileEntriesLayer(layer.build());
  }

  static Set<Platform> platforms(String platform) {
    Set<Platform> out = new LinkedHashSet<>();
    for (String p : platform.split(",")) {
      String[] parts = p.strip().split("/");
      out.add(new Platform(parts[1], parts[0]));
    }
    return out;
  }
}
