package dev.shimkit.cli.internal;

import dev.shimkit.cli.PackageFiles;
import dev.shimkit.cli.SerializedEntity;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code shimkit serialize}: the package's files, into a directory. */
@Command(name = "serialize", mixinStandardHelpOptions = true,
    description = "Write every task, workflow and launch plan found in --pkgs as <idx>_<name>_<1|2|3>.pb files "
        + "(admin TaskSpec, WorkflowSpec, LaunchPlan) into a directory, with empty project/domain/version.")
public final class SerializeCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin
  ScanOptions scan;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Directory to write into")
  Path output;

  public SerializeCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    List<SerializedEntity> entities = scan.findAndSerialize(scan.packageSettings(ctx.env()));
    List<Path> files = PackageFiles.writeDirectory(entities, output);
    files.forEach(f -> ctx.out().println(f));
    ctx.out().println("Wrote " + files.size() + " file" + (files.size() == 1 ? "" : "s") + " to " + output);
    return 0;
  }
}
