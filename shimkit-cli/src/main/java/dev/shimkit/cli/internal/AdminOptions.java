package dev.shimkit.cli.internal;

import dev.shimkit.cli.AdminConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where Admin is: flytectl's config file and command-line overrides. */
public final class AdminOptions {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "flytectl config file (default: $FLYTECTL_CONFIG, else ~/.flyte/config.yaml)")
  Path config;

  @Option(names = "--endpoint", paramLabel = "HOST:PORT", description = "Flyte Admin gRPC endpoint (overrides "
      + "admin.endpoint)")
  String endpoint;

  @Option(names = "--insecure", negatable = true, description = "Plaintext gRPC (overrides admin.insecure)")
  Boolean insecure;

  /** The config after file, environment and command line. */
  public AdminConfig resolve(CliContext ctx) {
    AdminConfig c = AdminConfig.load(config, ctx.env(), ctx.home());
    if (endpoint != null || insecure != null) {
      c = c.withEndpoint(endpoint != null ? endpoint : c.endpoint(), insecure != null ? insecure : c.insecure());
    }
    return c;
  }
}
