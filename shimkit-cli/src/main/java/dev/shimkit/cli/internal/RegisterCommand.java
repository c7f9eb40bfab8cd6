package dev.shimkit.cli.internal;

import dev.shimkit.cli.AdminConnection;
import dev.shimkit.cli.Registrar;
import dev.shimkit.cli.SerializedEntity;
import dev.shimkit.config.SerializationSettings;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code shimkit register}: find, serialize with the target's project/domain/version, and create in Admin. */
@Command(name = "register", subcommands = RegisterFilesCommand.class,
    description = "Register every task, workflow and launch plan found in --pkgs with Flyte Admin "
        + "(CreateTask/CreateWorkflow/CreateLaunchPlan). Entities already registered with the same spec are "
        + "left alone, so a second run changes nothing.")
public final class RegisterCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Spec
  CommandSpec spec;

  @Mixin
  ScanOptions scan;

  @Mixin
  AdminOptions admin;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = {"-p", "--project"}, paramLabel = "PROJECT", description = "Flyte project")
  String project;

  @Option(names = {"-d", "--domain"}, paramLabel = "DOMAIN", description = "Flyte domain (e.g. development)")
  String domain;

  @Option(names = {"-v", "--version"}, paramLabel = "VERSION", description = "Version of every entity registered")
  String version;

  public RegisterCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    requireTarget(spec, project, domain, version);
    SerializationSettings settings = scan.packageSettings(ctx.env()).toBuilder().project(project).domain(domain)
        .version(version).build();
    List<SerializedEntity> entities = scan.findAndSerialize(settings);
    return RegisterFilesCommand.register(ctx, admin, entities, project, domain, version);
  }

  static void requireTarget(CommandSpec spec, String project, String domain, String version) {
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

  static int summary(CliContext ctx, List<Registrar.Result> results, String target) {
    long created = results.stream().filter(r -> r.outcome() == Registrar.Outcome.CREATED).count();
    ctx.out().println("Registered " + results.size() + " entit" + (results.size() == 1 ? "y" : "ies") + " at "
        + target + ": " + created + " created, " + (results.size() - created) + " already registered");
    return 0;
  }

  static AdminConnection connect(CliContext ctx, AdminOptions admin) {
    return AdminConnection.open(admin.resolve(ctx), ctx.env());
  }
}
