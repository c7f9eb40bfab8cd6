package dev.shimkit.cli.internal;

import dev.shimkit.runtime.ShimkitExecute;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code shimkit execute ...}: the container entrypoint, for images that ship only the CLI. */
@Command(name = "execute", mixinStandardHelpOptions = true,
    description = "Run one task attempt as Flyte's container entrypoint: the same flags and exit codes as "
        + "shimkit-execute (--inputs, --output-prefix, --raw-output-data-prefix, --resolver, -- <loader args>).")
public final class ExecuteCommand implements Callable<Integer> {
  /** Picocli must not swallow the {@code --} that separates the resolver's loader args. */
  public static final String NO_END_OF_OPTIONS = "--shimkit-no-end-of-options--";

  private final CliContext ctx;

  @Parameters(paramLabel = "ARG", description = "shimkit-execute's arguments")
  List<String> args = new ArrayList<>();

  public ExecuteCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    PrintStream err = new PrintStream(new WriterStream(ctx), true, StandardCharsets.UTF_8);
    return new ShimkitExecute(ctx.env(), err).run(args.toArray(String[]::new));
  }

  /** Bytes to the context's error writer. */
  private static final class WriterStream extends OutputStream {
    private final CliContext ctx;
    private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

    WriterStream(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public void write(int b) {
      line.write(b);
    }

    @Override
    public void flush() {
      ctx.err().print(line.toString(StandardCharsets.UTF_8));
      ctx.err().flush();
      line.reset();
    }
  }
}
