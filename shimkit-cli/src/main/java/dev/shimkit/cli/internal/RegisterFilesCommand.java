package dev.shimkit.cli.internal;

import dev.shimkit.cli.AdminConnection;
import dev.shimkit.cli.PackageFiles;
import dev.shimkit.cli.Registrar;
import dev.shimkit.cli.SerializedEntity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shimkit register files}: what {@code flytectl register files} does, for shimkit and pyflyte packages. */
@Command(name = "files", mixinStandardHelpOptions = true,
    description = "Register .pb files, directories of them, or .tar/.tgz/.tar.gz packages (from shimkit or "
        + "pyflyte package) with Flyte Admin, in file name order; empty project/domain/version are filled from "
        + "-p/-d/-v.")
public final class RegisterFilesCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Spec
  CommandSpec spec;

  @Mixin
  AdminOptions admin;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Package archives, .pb files or directories")
  List<Path> files = new ArrayList<>();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Mixin
  TargetOptions target;

  public RegisterFilesCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    target.require(spec);
    List<SerializedEntity> entities = PackageFiles.read(files);
    return register(ctx, admin, entities, target.project, target.domain, target.version);
  }

  static int register(CliContext ctx, AdminOptions admin, List<SerializedEntity> entities, String project,
      String domain, String version) {
    try (AdminConnection connection = RegisterCommand.connect(ctx, admin)) {
      Registrar registrar = new Registrar(connection, project, domain, version, false);
      List<Registrar.Result> results = registrar.register(entities,
          ProgressListeners.forOutput(ctx.out(), ctx.err(), ctx.terminal(), entities.size()));
      return RegisterCommand.summary(ctx, results, connection.target());
    }
  }
}
