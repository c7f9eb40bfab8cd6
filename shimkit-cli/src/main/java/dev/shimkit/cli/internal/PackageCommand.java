package dev.shimkit.cli.internal;

import dev.shimkit.cli.PackageFiles;
import dev.shimkit.cli.SerializedEntity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code shimkit package}: the archive {@code flytectl register files} takes. */
@Command(name = "package", mixinStandardHelpOptions = true,
    description = "Serialize every task, workflow and launch plan found in --pkgs into a gzip tar of "
        + "<idx>_<name>_<1|2|3>.pb files with empty project/domain/version, for "
        + "'flytectl register files flyte-package.tgz -p P -d D -v V' (or 'shimkit register files').")
public final class PackageCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Spec
  CommandSpec spec;

  @Mixin
  ScanOptions scan;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Archive to write (default: ${DEFAULT-VALUE})",
      defaultValue = "flyte-package.tgz")
  Path output;

  @Option(names = {"-f", "--force"}, description = "Overwrite the archive if it exists")
  boolean force;

  public PackageCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    if (Files.exists(output) && !force) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--output': " + output
          + " already exists; pass --force to overwrite it");
    }
    if (Files.isDirectory(output)) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--output': " + output
          + " is a directory; name the archive file (e.g. flyte-package.tgz)");
    }
    List<SerializedEntity> entities = scan.findAndSerialize(scan.packageSettings(ctx.env()));
    PackageFiles.writeArchive(entities, output);
    for (int i = 0; i < entities.size(); i++) {
      ctx.out().println("  " + PackageFiles.fileName(i, entities.size(), entities.get(i)));
    }
    ctx.out().println("Packaged " + entities.size() + " entit" + (entities.size() == 1 ? "y" : "ies") + " into "
        + output);
    return 0;
  }
}
