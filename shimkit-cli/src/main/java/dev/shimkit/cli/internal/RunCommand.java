package dev.shimkit.cli.internal;

import dev.shimkit.config.Image;
import dev.shimkit.config.ImageConfig;
import dev.shimkit.config.SerializationSettings;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.resolve.TrackedInstance;
import dev.shimkit.runtime.workflow.BackendTaskRunner;
import dev.shimkit.task.Task;
import dev.shimkit.workflow.LaunchPlan;
import dev.shimkit.workflow.Workflow;
import dev.shimkit.workflow.WorkflowExecutor;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shimkit run}: run a task here, with inputs from the command line. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the task, workflow or launch plan at LOCATION (<class>.<STATIC_FIELD>) locally with inputs given as --name value "
        + "(structured inputs as JSON) and print its outputs as JSON.",
    footer = {"", "Example: shimkit run com.acme.Flows.ADD_ONE --x 41",
        "         shimkit run --backend local-process com.acme.Flows.STATS --values '[3,1,2]'"})
public final class RunCommand implements Callable<Integer> {
  /** How to run. */
  public enum Backend { IN_PROCESS, LOCAL_PROCESS }

  private final CliContext ctx;

  @Spec
  CommandSpec spec;

  @Option(names = "--backend", paramLabel = "BACKEND", defaultValue = "in-process",
      converter = BackendConverter.class,
      description = "in-process (default) or local-process: through the local backend runner, the task runs in "
          + "a shimkit-execute process exactly as in a Flyte container")
  Backend backend;

  @Option(names = {"--classpath", "-cp"}, paramLabel = "PATH",
      description = "Jars and class directories holding the task (default: shimkit's own classpath)")
  String classpath;

  @Option(names = {"-i", "--image"}, paramLabel = "name=uri",
      description = "Images for serializing the template (local-process); repeatable")
  List<String> images = new ArrayList<>();

  @Parameters(index = "0", paramLabel = "LOCATION", description = "<fully.qualified.Class>.<STATIC_FIELD>")
  String location;

  @Parameters(index = "1..*", paramLabel = "--name value", description = "The task's inputs")
  List<String> inputs = new ArrayList<>();

  public RunCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    List<Path> cp = Classpaths.parse(classpath);
    ClassLoader loader = cp.isEmpty() ? RunCommand.class.getClassLoader()
        : new URLClassLoader(Classpaths.urls(cp), RunCommand.class.getClassLoader());
    Thread t = Thread.currentThread();
    ClassLoader previous = t.getContextClassLoader();
    t.setContextClassLoader(loader);
    try {
      Object loaded = TrackedInstance.load(location);
      Map<String, Object> outputs;
      if (loaded instanceof Task task) {
        Map<String, Object> values = parseInputs(() -> InputParser.parse(task, inputs));
        outputs = backend == Backend.IN_PROCESS ? task.localExecute(values)
            : new LocalProcessRun(ctx, cp).run(task, values, settings());
      } else if (loaded instanceof Workflow || loaded instanceof LaunchPlan) {
        Workflow workflow = loaded instanceof LaunchPlan lp ? lp.workflow() : (Workflow) loaded;
        java.util.Set<String> withDefaults = new java.util.HashSet<>(workflow.defaultInputs().keySet());
        if (loaded instanceof LaunchPlan lp) {
          withDefaults.addAll(lp.defaultInputs().keySet());
          withDefaults.addAll(lp.fixedInputs().keySet());
        }
        Map<String, Object> values = parseInputs(() -> InputParser.parse("Workflow " + workflow.name(),
            workflow.inputTypes(), withDefaults, inputs));
        WorkflowExecutor executor = backend == Backend.IN_PROCESS ? WorkflowExecutor.inProcess()
            : WorkflowExecutor.builder().taskRunner(new BackendTaskRunner(
                new LocalProcessRun(ctx, cp).backend(settings()), settings())).build();
        outputs = loaded instanceof LaunchPlan lp ? executor.run(lp, values) : executor.run(workflow, values);
      } else {
        throw new FlyteUserException(location + " holds a " + loaded.getClass().getName() + "; shimkit run runs "
            + "tasks, workflows and launch plans");
      }
      ctx.out().println(OutputPrinter.toJson(outputs));
      return 0;
    } finally {
      t.setContextClassLoader(previous);
    }
  }

  private Map<String, Object> parseInputs(java.util.function.Supplier<Map<String, Object>> parse) {
    try {
      return parse.get();
    } catch (InputParser.BadInput e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private SerializationSettings settings() {
    ImageConfig config;
    try {
      config = ImageConfig.validateImage(images, ctx.env());
    } catch (FlyteUserException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--image': "
          + e.getMessage());
    }
    if (config.defaultImage() == null) {
      Image local = new Image(Image.DEFAULT_IMAGE_NAME, "localhost/shimkit-local-run", "local", null);
      config = ImageConfig.createFrom(local, config.images());
    }
    return SerializationSettings.newBuilder().imageConfig(config).project(LocalProcessRun.PROJECT)
        .domain(LocalProcessRun.DOMAIN).version("local").build();
  }

  /** Reads {@code in-process}/{@code local-process}. */
  static final class BackendConverter implements picocli.CommandLine.ITypeConverter<Backend> {
    @Override
    public Backend convert(String value) {
      return switch (value) {
        case "in-process" -> Backend.IN_PROCESS;
        case "local-process" -> Backend.LOCAL_PROCESS;
        default -> throw new picocli.CommandLine.TypeConversionException("expected in-process or local-process, got '"
            + value + "'");
      };
    }
  }
}
