package dev.shimkit.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What commands need from the process: environment, output streams, home directory, and whether a person is
 * watching a terminal (for the progress bar). Injected so tests run the CLI in-process.
 */
public record CliContext(Map<String, String> env, PrintWriter out, PrintWriter err, Path home, boolean terminal) {
}
