package dev.shimkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shimkit.runtime.ExitCodes;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliTest {
  @Test
  void everyCommandHasHelp() {
    for (List<String> command : List.<List<String>>of(List.of(), List.of("run"), List.of("serialize"), List.of("package"),
        List.of("register"), List.of("register", "files"), List.of("execute"))) {
      String[] args = java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of("--help"))
          .toArray(String[]::new);
      CliRunner.Result r = CliRunner.run(args);
      assertThat(r.code()).as(String.join(" ", args) + "\n" + r).isZero();
      assertThat(r.out()).as(String.join(" ", args)).contains("Usage: shimkit" + (command.isEmpty() ? "" : " "
          + String.join(" ", command)));
    }
    assertThat(CliRunner.run("help", "package").out()).contains("--force");
  }

  @Test
  void usageErrorsExitWithTwo() {
    CliRunner.Result none = CliRunner.run();
    assertThat(none.code()).isEqualTo(Shimkit.USAGE);
    assertThat(none.err()).contains("Usage: shimkit").contains("package").contains("register");
    assertThat(CliRunner.run("frobnicate").code()).isEqualTo(Shimkit.USAGE);
    assertThat(CliRunner.run("package", "--no-such-flag").code()).isEqualTo(Shimkit.USAGE);
    CliRunner.Result noPkgs = CliRunner.run("serialize", "-o", "x");
    assertThat(noPkgs.code()).isEqualTo(Shimkit.USAGE);
    assertThat(noPkgs.err()).contains("--pkgs");
    assertThat(CliRunner.run("run", "--backend", "kubernetes", "a.B.C").err()).contains("in-process or local-process");
  }

  @Test
  void versionIsShown() {
    CliRunner.Result r = CliRunner.run("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("shimkit ");
  }

  @Test
  void executeDelegatesToShimkitExecuteWithItsFlagsAndExitCodes() {
    CliRunner.Result bad = CliRunner.run("execute", "--inputs");
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("shimkit-execute:");
    CliRunner.Result test = CliRunner.run(java.util.Map.of("FLYTE_INTERNAL_IMAGE", "ghcr.io/acme/app:1"),
        java.nio.file.Path.of("/nonexistent-home"), "execute", "--inputs", "in.pb", "--output-prefix", "/tmp/out", "--test",
        "--resolver", "dev.shimkit.resolve.DefaultTaskResolver.INSTANCE", "--", "task-module",
        "dev.shimkit.cli.fixtures.pyref.PyrefTasks", "task-name", "ADD_ONE");
    assertThat(test.code()).as(test.toString()).isZero();
    assertThat(test.err()).contains("resolver dev.shimkit.resolve.DefaultTaskResolver.INSTANCE loaded");
  }
}
