package dev.shimkit.image.internal;

import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.image.ImageBuildResult;
import dev.shimkit.image.ImageSpec;
import dev.shimkit.image.ImageSpecBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes a Dockerfile and build context ({@link DockerContext}) and runs {@code docker build} (with
 * {@code --push} when the spec has a registry). Needs a Docker daemon: without one it stops with an error
 * naming the written context and pointing to the daemon-less {@code jib} builder.
 */
public final class DockerfileBuilder implements ImageSpecBuilder {
  public static final String NAME = "dockerfile";

  private final String docker;

  public DockerfileBuilder() {
    this("docker");
  }

  /** With another {@code docker} executable (tests point it at a missing one). */
  public DockerfileBuilder(String dockerExecutable) {
    this.docker = dockerExecutable;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return 1;
  }

  @Override
  public ImageBuildResult build(ImageSpec spec) {
    Path context;
    try {
      context = DockerContext.write(spec, Files.createTempDirectory("shimkit-image-"),
          MavenLocalRepository.defaultRepository());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a directory for the Docker build context", e);
    }
    if (!daemonAnswers()) {
      throw new FlyteSystemException("The dockerfile builder needs a Docker daemon, and '" + docker + " info' did"
          + " not answer. The Dockerfile and context for " + spec.imageName() + " are in " + context + ". Start"
          + " Docker, or build without a daemon with builder 'jib' (module shimkit-jib).");
    }
    List<String> cmd = command(spec, context);
    int exit = run(cmd);
    if (exit != 0) {
      throw new FlyteUserException("'" + String.join(" ", cmd) + "' failed with exit code " + exit
          + "; see its output above");
    }
    return ImageBuildResult.built(spec.imageName(), null);
  }

  /** {@code docker build --tag <image> --platform <platform> [--push] <context>}. */
  public List<String> command(ImageSpec spec, Path context) {
    List<String> cmd = new ArrayList<>(List.of(docker, "build", "--tag", spec.imageName(), "--platform",
        spec.platform()));
    if (spec.registry().isPresent()) {
      cmd.add("--push");
    }
    cmd.add(context.toString());
    return cmd;
  }

  /** Whether {@code docker info} exits 0. */
  public boolean daemonAnswers() {
    try {
      Process p = new ProcessBuilder(docker, "info").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int run(List<String> cmd) {
    try {
      return new ProcessBuilder(cmd).inheritIO().start().waitFor();
    } catch (IOException e) {
      throw new FlyteSystemException("Cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlyteSystemException("Interrupted while running docker build", e);
    }
  }
}
