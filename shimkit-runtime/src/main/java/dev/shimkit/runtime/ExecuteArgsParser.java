package dev.shimkit.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written parser for {@link ExecuteArgs}: the entrypoint starts in every task container, so it avoids a
 * CLI library and its class loading. Accepts {@code --flag value} and {@code --flag=value}; everything after
 * {@code --} is the resolver's loader arguments.
 */
final class ExecuteArgsParser {
  static final List<String> VALUE_FLAGS = List.of("--inputs", "--output-prefix", "--raw-output-data-prefix",
      "--checkpoint-path", "--prev-checkpoint", "--resolver", "--dynamic-addl-distro", "--dynamic-dest-dir");
  static final String TEST_FLAG = "--test";

  private ExecuteArgsParser() {}

  static ExecuteArgs parse(List<String> args) {
    String[] values = new String[VALUE_FLAGS.size()];
    boolean test = false;
    List<String> resolverArgs = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        resolverArgs = new ArrayList<>(args.subList(i + 1, args.size()));
        break;
      }
      String flag = arg;
      String inline = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        flag = arg.substring(0, eq);
        inline = arg.substring(eq + 1);
      }
      if (flag.equals(TEST_FLAG)) {
        if (inline != null) {
          throw new UsageException("--test is a flag and takes no value (got '" + arg + "')");
        }
        test = true;
        continue;
      }
      int index = VALUE_FLAGS.indexOf(flag);
      if (index < 0) {
        throw new UsageException((arg.startsWith("-") ? "Unknown option '" + flag + "'" : "Unexpected argument '"
            + arg + "' (the resolver's loader arguments go after '--')") + ". " + validFlags());
      }
      String value;
      if (inline != null) {
        value = inline;
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new UsageException("Option '" + flag + "' requires a value. " + validFlags());
      }
      if (values[index] != null) {
        throw new UsageException("Option '" + flag + "' is given more than once");
      }
      values[index] = value;
    }
    require(values, "--inputs");
    require(values, "--output-prefix");
    if (resolverArgs == null || resolverArgs.isEmpty()) {
      throw new UsageException("The resolver's loader arguments are missing: put at least one after '--', e.g. "
          + "'-- {{.taskTemplatePath}} com.example.MyExecutor'");
    }
    return new ExecuteArgs(values[0], values[1], values[2], values[3], values[4], values[5], test, values[6],
        values[7], resolverArgs);
  }

  private static void require(String[] values, String flag) {
    if (values[VALUE_FLAGS.indexOf(flag)] == null) {
      throw new UsageException("Missing required option '" + flag + "'. " + validFlags());
    }
  }

  private static String validFlags() {
    return "Valid options: " + String.join(", ", VALUE_FLAGS) + " (each with a value), " + TEST_FLAG
        + ", then '--' and the resolver's loader arguments.";
  }
}
