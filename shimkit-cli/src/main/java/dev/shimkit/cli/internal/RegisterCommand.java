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

  @Mixin
  TargetOptions target;

  public RegisterCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    target.require(spec);
    SerializationSettings settings = scan.packageSettings(ctx.env()).toBuilder().project(target.project)
        .domain(target.domain).version(target.version).build();
    List<SerializedEntity> entities = scan.findAndSerialize(settings);
    return RegisterFilesCommand.register(ctx, admin, entities, target.project, target.domain, target.version);
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
