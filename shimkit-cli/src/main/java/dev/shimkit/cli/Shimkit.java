package dev.shimkit.cli;

import dev.shimkit.cli.internal.CliContext;
import dev.shimkit.cli.internal.ExecuteCommand;
import dev.shimkit.cli.internal.ImageCommand;
import dev.shimkit.cli.internal.PackageCommand;
import dev.shimkit.cli.internal.RegisterCommand;
import dev.shimkit.cli.internal.RunCommand;
import dev.shimkit.cli.internal.SerializeCommand;
import dev.shimkit.errors.FlyteException;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.internal.ShimkitVersion;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code shimkit} command: {@code run}, {@code serialize}, {@code package}, {@code register} (and
 * {@code register files}), {@code execute} and {@code image}. Exit codes: {@value #OK} success, {@value #ERROR} an error
 * (bad task code or input data, Admin refused, nothing found), {@value #USAGE} a wrong command line.
 */
@Command(name = "shimkit", mixinStandardHelpOptions = true, versionProvider = Shimkit.Version.class,
    description = "Run, package and register Flyte tasks written in Java.",
    subcommands = {RunCommand.class, SerializeCommand.class, PackageCommand.class, RegisterCommand.class,
        ExecuteCommand.class, ImageCommand.class, CommandLine.HelpCommand.class})
public final class Shimkit implements Callable<Integer> {
  public static final int OK = 0;
  public static final int ERROR = 1;
  public static final int USAGE = 2;
  /** Set to {@code true} to print stack traces of errors. */
  public static final String DEBUG_ENV_VAR = "SHIMKIT_DEBUG";

  private final CliContext ctx;

  @Spec
  CommandSpec spec;

  /**
   * A CLI over the given environment and streams.
   *
   * @param terminal whether a person watches (enables the registration progress bar)
   */
  public Shimkit(Map<String, String> env, PrintWriter out, PrintWriter err, Path home, boolean terminal) {
    this.ctx = new CliContext(Map.copyOf(env), out, err, home, terminal);
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = new Shimkit(System.getenv(), out, err, Path.of(System.getProperty("user.home")),
        System.console() != null).run(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Parses and runs {@code args}; returns the exit code. */
  public int run(String... args) {
    CommandLine cl = new CommandLine(this, new Factory());
    cl.setOut(ctx.out());
    cl.setErr(ctx.err());
    cl.getSubcommands().get("run").setUnmatchedOptionsArePositionalParams(true);
    CommandLine execute = cl.getSubcommands().get("execute");
    execute.setUnmatchedOptionsArePositionalParams(true);
    execute.setEndOfOptionsDelimiter(ExecuteCommand.NO_END_OF_OPTIONS);
    execute.setStopAtPositional(true);
    cl.setExecutionExceptionHandler((ex, command, parseResult) -> {
      boolean debug = "true".equalsIgnoreCase(ctx.env().get(DEBUG_ENV_VAR));
      if (ex instanceof FlyteException fe) {
        ctx.err().println("Error" + (fe instanceof FlyteUserException ? "" : " (system)") + ": " + fe.getMessage());
      } else {
        ctx.err().println("Error: " + ex);
      }
      if (debug) {
        ex.printStackTrace(ctx.err());
      } else if (!(ex instanceof FlyteException)) {
        ctx.err().println("(set " + DEBUG_ENV_VAR + "=true for the stack trace)");
      }
      ctx.err().flush();
      return ERROR;
    });
    int code = cl.execute(args);
    ctx.out().flush();
    ctx.err().flush();
    return code;
  }

  /** No subcommand: show the usage, as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(ctx.err());
    return USAGE;
  }

  /** Creates commands with the CLI's context. */
  private final class Factory implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == Shimkit.class) {
        return cls.cast(Shimkit.this);
      }
      try {
        return cls.getDeclaredConstructor(CliContext.class).newInstance(ctx);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }

  /** The shimkit version for {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"shimkit " + ShimkitVersion.get()};
    }
  }
}
