package dev.shimkit.cli.internal;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where registered entities go: {@code -p PROJECT -d DOMAIN -v VERSION}, all three required. */
public final class TargetOptions {
  @Option(names = {"-p", "--project"}, paramLabel = "PROJECT", description = "Flyte project")
  String project;

  @Option(names = {"-d", "--domain"}, paramLabel = "DOMAIN", description = "Flyte domain (e.g. development)")
  String domain;

  @Option(names = {"-v", "--version"}, paramLabel = "VERSION",
      description = "Version of the entities registered (fills ids that have none)")
  String version;

  /** Fails with a usage error naming every missing option. */
  void require(CommandSpec spec) {
    StringBuilder missing = new StringBuilder();
    if (project == null || project.isBlank()) {
      missing.append(" '--project=PROJECT'");
    }
    if (domain == null || domain.isBlank()) {
      missing.append(" '--domain=DOMAIN'");
    }
    if (version == null || version.isBlank()) {
      missing.append(" '--version=VERSION'");
    }
    if (missing.length() > 0) {
      throw new ParameterException(spec.commandLine(), "Missing required options:" + missing);
    }
  }
}
