package dev.shimkit.image.internal;

import dev.shimkit.image.ImageSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where every builder puts things in the image, so images from different builders look the same to the
 * JVM: Maven packages and jars in {@link #LIBS}, class directories merged into {@link #CLASSES}, copied files
 * under {@link #ROOT} (flytekit's source directory), {@code CLASSPATH} naming both.
 */
public final class ImageLayout {
  public static final String LIBS = "/app/libs";
  public static final String CLASSES = "/app/classes";
  public static final String ROOT = "/root";
  public static final String CLASSPATH = CLASSES + ":" + LIBS + "/*";
  /** Read by the {@code java} launcher (JDK 9+) whatever the entrypoint is; carries {@code jvmFlags}. */
  public static final String JVM_FLAGS_ENV = "JDK_JAVA_OPTIONS";
  /** The env var builders bake in with the spec's id; {@code ImageSpec.isContainer()} compares it. */
  public static final String IMAGE_ID_ENV = "_F_IMG_ID";
  /** The base image when a spec names none: a JRE of the spec's Java version. */
  public static final String DEFAULT_BASE_FORMAT = "eclipse-temurin:%d-jre";

  private ImageLayout() {
  }

  /**
   * The image environment, in this order: {@code CLASSPATH}, {@code JDK_JAVA_OPTIONS} (when jvm flags are
   * set), the spec's env sorted by name (it may override the first two), {@code _F_IMG_ID} last.
   */
  public static Map<String, String> environment(ImageSpec spec) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CLASSPATH", CLASSPATH);
    if (!spec.jvmFlags().isEmpty()) {
      env.put(JVM_FLAGS_ENV, String.join(" ", spec.jvmFlags()));
    }
    env.putAll(new TreeMap<>(spec.env()));
    env.remove(IMAGE_ID_ENV);
    env.put(IMAGE_ID_ENV, spec.id());
    return env;
  }

  /** The spec's entrypoint; else {@code java -cp <classpath> <mainClass>}; else empty (the base image's). */
  public static List<String> entrypoint(ImageSpec spec) {
    if (!spec.entrypoint().isEmpty()) {
      return spec.entrypoint();
    }
    return spec.mainClass().map(m -> List.of("java", "-cp", CLASSPATH, m)).orElse(List.of());
  }

  /** The base image reference: the base spec's image name, the given reference, or a JRE of javaVersion. */
  public static String baseImage(ImageSpec spec) {
    return spec.baseImageSpec().map(ImageSpec::imageName)
        .orElseGet(() -> spec.baseImage().orElse(String.format(DEFAULT_BASE_FORMAT, spec.javaVersion())));
  }
}
