package dev.shimkit.image.internal;

import dev.shimkit.errors.FlyteValidationException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The checks an ImageSpec makes when it is built; each error names the field and shows a valid value. */
public final class SpecValidation {
  /** flytekit's registry pattern (image_spec.py), applied after lower-casing. */
  public static final Pattern REGISTRY =
      Pattern.compile("^(localhost:\\d{1,5}|([a-z\\d._-]+)(:\\d{1,5})?)(/[\\w.-]+)*$");
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
      + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
  private static final Pattern PLATFORM = Pattern.compile("[a-z0-9]+/[a-z0-9_]+(?:/[a-z0-9]+)?");
  private static final Pattern TAG_CHARS = Pattern.compile("[A-Za-z0-9_.-]*");
  private static final Pattern JAVA_NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(?:\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

  private SpecValidation() {
  }

  public static String name(String name) {
    String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (!NAME.matcher(n).matches()) {
      throw new FlyteValidationException("ImageSpec.name: '" + name + "' is not a valid repository name; use"
          + " lower-case letters, digits and . _ - separators, optionally with / parts (e.g. \"shimkit\" or"
          + " \"acme/sql-task\")");
    }
    return n;
  }

  public static String registry(String registry) {
    if (registry == null) {
      return null;
    }
    String r = registry.toLowerCase(Locale.ROOT);
    if (!REGISTRY.matcher(r).matches()) {
      throw new FlyteValidationException("ImageSpec.registry: invalid container registry '" + registry + "'."
          + " Expected a registry host with an optional port and path, without tag or scheme, e.g.:"
          + " localhost:30000, 127.0.0.1:5000, ghcr.io/flyteorg, docker.io/username, registry.example.com:8443/team/repo"
          + " (the image name and tag are added by the spec)");
    }
    return r;
  }

  public static String platform(String platform) {
    for (String p : platform.split(",", -1)) {
      if (!PLATFORM.matcher(p.strip()).matches()) {
        throw new FlyteValidationException("ImageSpec.platform: '" + platform + "' is not os/arch[/variant]"
            + " (comma-separated for several), e.g. linux/amd64 or linux/amd64,linux/arm64");
      }
    }
    return platform;
  }

  /** linux/arm64 for localhost registries on arm64 machines (as flytekit), else linux/amd64. */
  public static String defaultPlatform(String registry) {
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    boolean arm = arch.equals("aarch64") || arch.equals("arm64");
    return registry != null && registry.startsWith("localhost:") && arm ? "linux/arm64" : "linux/amd64";
  }

  public static int javaVersion(int v) {
    if (v < 8) {
      throw new FlyteValidationException("ImageSpec.java_version: " + v + " is not a Java feature version;"
          + " give the major version, e.g. 17 or 21");
    }
    return v;
  }

  public static List<String> strings(String field, List<String> values) {
    if (values == null) {
      return List.of();
    }
    for (String v : values) {
      if (v == null || v.isBlank()) {
        throw new FlyteValidationException("ImageSpec." + field + " must be a list of non-empty strings; got "
            + values);
      }
    }
    return List.copyOf(values);
  }

  public static List<java.nio.file.Path> paths(String field, List<java.nio.file.Path> values) {
    if (values.contains(null)) {
      throw new FlyteValidationException("ImageSpec." + field + " must be a list of paths without nulls; got "
          + values);
    }
    return List.copyOf(values);
  }

  public static void env(Map<String, String> env) {
    env.forEach((k, v) -> {
      if (k == null || k.isEmpty() || k.contains("=") || v == null || v.contains("\n")) {
        throw new FlyteValidationException("ImageSpec.env: entry " + k + " is invalid; names must be"
            + " non-empty without '=', values non-null and on one line");
      }
    });
  }

  public static String tagFormat(String format) {
    if (format == null) {
      return null;
    }
    if (!format.contains("{spec_hash}") || !TAG_CHARS.matcher(format.replace("{spec_hash}", "")).matches()) {
      throw new FlyteValidationException("ImageSpec.tag_format: '" + format + "' must contain {spec_hash} and"
          + " otherwise only letters, digits, '_', '.', '-', e.g. \"{spec_hash}-java\"");
    }
    return format;
  }

  public static String mainClass(String mainClass) {
    if (mainClass != null && !JAVA_NAME.matcher(mainClass).matches()) {
      throw new FlyteValidationException("ImageSpec.main_class: '" + mainClass + "' is not a class name; give a"
          + " fully qualified name such as com.acme.Main");
    }
    return mainClass;
  }
}
