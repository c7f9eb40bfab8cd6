package dev.shimkit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the CLI in-process and captures what it prints. */
final class CliRunner {
  record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
    }
  }

  private CliRunner() {
  }

  static Result run(Map<String, String> env, Path home, String... args) {
    return run(env, home, false, args);
  }

  static Result run(Map<String, String> env, Path home, boolean terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new Shimkit(env, new PrintWriter(out, true), new PrintWriter(err, true), home, terminal).run(args);
    return new Result(code, out.toString(), err.toString());
  }

  static Result run(String... args) {
    return run(Map.of(), Path.of("/nonexistent-home"), args);
  }
}
