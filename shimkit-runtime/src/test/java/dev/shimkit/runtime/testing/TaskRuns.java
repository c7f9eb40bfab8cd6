package dev.shimkit.runtime.testing;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.task.Task;
import dev.shimkit.types.TypeEngine;
import flyteidl.core.Errors.ErrorDocument;
import flyteidl.core.Literals.LiteralMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Helpers to run tasks the ways the runtime tests compare. */
public final class TaskRuns {
  public static final SerializationSettings SETTINGS =
      SerializationSettings.forImage("localhost:5000/shimkit-runtime:test", "v1", "", "");

  private TaskRuns() {
  }

  /** The command that starts shimkit-execute in a fresh JVM with this test's class path. */
  public static List<String> javaLauncher() {
    String java = ProcessHandle.current().info().command().orElse("java");
    return List.of(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        "dev.shimkit.runtime.ShimkitExecute");
  }

  public static LiteralMap literals(Task task, Map<String, ?> values) {
    Map<String, Type> types = new java.util.LinkedHashMap<>();
    values.keySet().forEach(k -> types.put(k, task.getTypeForInputVar(k)));
    return TypeEngine.get().toLiteralMap(FlyteContextManager.current(), values, types, null);
  }

  public static Path write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static LiteralMap readOutputs(Path outputPrefix) {
    try {
      return LiteralMap.parseFrom(Files.readAllBytes(outputPrefix.resolve("outputs.pb")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ErrorDocument readError(Path outputPrefix) {
    try {
      return ErrorDocument.parseFrom(Files.readAllBytes(outputPrefix.resolve("error.pb")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
