package dev.shimkit.cli.internal;

import dev.shimkit.image.ImageBuildEngine;
import dev.shimkit.image.ImageBuildResult;
import dev.shimkit.image.ImageExistence;
import dev.shimkit.image.ImageSpec;
import dev.shimkit.image.ImageSpecBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shimkit image build|exists|name SPEC.yaml}: images described by an {@link ImageSpec} file. */
@Command(name = "image", mixinStandardHelpOptions = true,
    description = "Build an image from an ImageSpec YAML file, check whether it is in its registry, or print its name.",
    subcommands = {ImageCommand.Build.class, ImageCommand.Exists.class, ImageCommand.Name.class})
public final class ImageCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** Reads the spec file, for the subcommands. */
  abstract static class SpecCommand implements Callable<Integer> {
    final CliContext ctx;

    @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "The ImageSpec file (snake_case fields)")
    Path file;

    SpecCommand(CliContext ctx) {
      this.ctx = ctx;
    }

    ImageSpec imageSpec() {
      return ImageSpec.fromYaml(file);
    }
  }

  /** {@code shimkit image build}. */
  @Command(name = "build", mixinStandardHelpOptions = true,
      description = "Build the image and push it to the spec's registry, unless it is there already. Needs no "
          + "Docker daemon with the jib builder.")
  public static final class Build extends SpecCommand {
    @Option(names = "--force", description = "Build and push even when the image exists")
    boolean force;

    @Option(names = "--builder", paramLabel = "NAME", description = "Builder to use (default: the spec's, else "
        + "the highest-priority registered one)")
    String builder;

    public Build(CliContext ctx) {
      super(ctx);
    }

    @Override
    public Integer call() {
      ImageSpec spec = imageSpec();
      if (builder != null) {
        spec = spec.toBuilder().builder(builder).build();
      }
      if (force) {
        spec = spec.forcePush();
      }
      List<ImageSpecBuilder> builders = new ArrayList<>();
      ServiceLoader.load(ImageSpecBuilder.class, Thread.currentThread().getContextClassLoader()).forEach(builders::add);
      ImageBuildResult result = ImageBuildEngine.of(builders, ctx.env()).build(spec);
      ctx.out().println(result.imageName() + "  " + result.status().name().toLowerCase(java.util.Locale.ROOT)
          + (result.digest() == null ? "" : "  " + result.digest())
          + (result.detail() == null || result.detail().isEmpty() ? "" : "  (" + result.detail() + ")"));
      return 0;
    }
  }

  /** {@code shimkit image exists}: exit 0 when the image is in its registry, 1 when missing or unknown. */
  @Command(name = "exists", mixinStandardHelpOptions = true,
      description = "Print whether the image is in its registry: exists (exit 0), missing or unknown with the "
          + "reason (exit 1).")
  public static final class Exists extends SpecCommand {
    public Exists(CliContext ctx) {
      super(ctx);
    }

    @Override
    public Integer call() {
      ImageSpec spec = imageSpec();
      ImageExistence existence = spec.exist();
      String line;
      if (existence instanceof ImageExistence.Exists e) {
        line = "exists " + spec.imageName() + (e.digest() == null ? "" : " " + e.digest());
      } else if (existence instanceof ImageExistence.Unknown u) {
        line = "unknown " + spec.imageName() + ": " + u.reason();
      } else {
        line = "missing " + spec.imageName();
      }
      ctx.out().println(line);
      return existence instanceof ImageExistence.Exists ? 0 : 1;
    }
  }

  /** {@code shimkit image name}: the full image name, with the content-hash tag. */
  @Command(name = "name", mixinStandardHelpOptions = true,
      description = "Print the image's full name: [registry/]name:tag, the tag a hash of the spec's content.")
  public static final class Name extends SpecCommand {
    public Name(CliContext ctx) {
      super(ctx);
    }

    @Override
    public Integer call() {
      ctx.out().println(imageSpec().imageName());
      return 0;
    }
  }
}
