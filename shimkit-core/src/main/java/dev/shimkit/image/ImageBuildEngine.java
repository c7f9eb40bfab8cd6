package dev.shimkit.image;

import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.image.internal.MavenLocalRepository;
import dev.shimkit.image.internal.SpecHasher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@link ImageSpec}s with the registered {@link ImageSpecBuilder}s, as flytekit's
 * {@code ImageBuildEngine}: nothing is built inside a running task (an execution mode is set); an image the
 * registry has is not rebuilt unless force-pushed ({@link ImageSpec#forcePush()} or
 * {@code FLYTE_FORCE_PUSH_IMAGE_SPEC=true}); when the registry cannot tell, the image is assumed present
 * with a warning, or, with {@code FLYTE_IMG_FAST_FAIL=true}, the build stops with the reason. A base
 * ImageSpec is built first. Specs without a registry are handed to the builder (nothing to check).
 */
public final class ImageBuildEngine {
  public static final String FAST_FAIL_ENV = "FLYTE_IMG_FAST_FAIL";
  public static final String FORCE_PUSH_ENV = "FLYTE_FORCE_PUSH_IMAGE_SPEC";
  private static final Logger LOG = LoggerFactory.getLogger(ImageBuildEngine.class);
  private static final Set<String> TRUE = Set.of("true", "t", "1", "yes", "y", "on");

  private final Map<String, ImageSpecBuilder> builders;
  private final Map<String, String> env;

  private ImageBuildEngine(List<ImageSpecBuilder> found, Map<String, String> env) {
    List<ImageSpecBuilder> sorted = new ArrayList<>(found);
    sorted.sort(Comparator.comparingInt(ImageSpecBuilder::priority).reversed()
        .thenComparing(ImageSpecBuilder::name));
    Map<String, ImageSpecBuilder> byName = new LinkedHashMap<>();
    sorted.forEach(b -> byName.putIfAbsent(b.name(), b));
    this.builders = byName;
    this.env = Map.copyOf(env);
  }

  /** The builders on the class path (ServiceLoader, context class loader) and the process environment. */
  public static ImageBuildEngine load() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    List<ImageSpecBuilder> found = new ArrayList<>();
    ServiceLoader.load(ImageSpecBuilder.class, cl != null ? cl : ImageBuildEngine.class.getClassLoader())
        .forEach(found::add);
    return new ImageBuildEngine(found, System.getenv());
  }

  /** An engine with exactly these builders, reading flags from {@code env}. */
  public static ImageBuildEngine of(List<ImageSpecBuilder> builders, Map<String, String> env) {
    return new ImageBuildEngine(builders, env);
  }

  /** Registered builder names, highest priority first. */
  public List<String> builderNames() {
    return List.copyOf(builders.keySet());
  }

  /** The builder a spec without a builder name gets. */
  public String defaultBuilderName() {
    if (builders.isEmpty()) {
      throw new FlyteSystemException("There is no image builder registered: shimkit-core's noop and dockerfile"
          + " builders are missing from META-INF/services/" + ImageSpecBuilder.class.getName());
    }
    return builders.keySet().iterator().next();
  }

  /** The builder named {@code name}; an error listing the registered ones when there is none. */
  public ImageSpecBuilder builder(String name) {
    ImageSpecBuilder b = builders.get(name);
    if (b == null) {
      throw new FlyteValidationException("Image builder '" + name + "' is not registered; registered builders: "
          + builderNames() + (name.equals("jib") ? " (add the shimkit-jib module to the class path)" : ""));
    }
    return b;
  }

  /** Builds {@code spec} unless that is not needed or not allowed; see the class comment. */
  public ImageBuildResult build(ImageSpec spec) {
    if (FlyteContextManager.current().executionState().map(s -> s.mode() != null).orElse(false)) {
      LOG.debug("Inside a task execution: not building image {}", spec.name());
      return new ImageBuildResult(ImageBuildResult.Status.IN_EXECUTION, null, null,
          "images are never built inside a running task");
    }
    ImageSpecBuilder builder = builder(spec.builderName().orElseGet(this::defaultBuilderName));
    spec.baseImageSpec().ifPresent(this::build);
    if (!builder.checksExistence()) {
      return builder.build(spec);
    }
    if (spec.registry().isPresent()) {
      boolean force = spec.isForcePush() || isTrue(FORCE_PUSH_ENV);
      ImageExistence existence = spec.exist();
      if (!force && existence instanceof ImageExistence.Exists e) {
        LOG.info("Image {} found. Skip building.", spec.imageName());
        return new ImageBuildResult(ImageBuildResult.Status.EXISTS, spec.imageName(), e.digest(), null);
      }
      if (!force && existence instanceof ImageExistence.Unknown u) {
        if (isTrue(FAST_FAIL_ENV)) {
          throw new FlyteSystemException("Cannot tell whether image " + spec.imageName() + " exists: " + u.reason()
              + ". " + FAST_FAIL_ENV + " is true, so shimkit stops instead of assuming it exists; fix access to"
              + " the registry, force-push the image, or unset " + FAST_FAIL_ENV);
        }
        LOG.warn("Cannot tell whether image {} exists ({}); assuming it does. Set {}=true to fail instead.",
            spec.imageName(), u.reason(), FAST_FAIL_ENV);
        return new ImageBuildResult(ImageBuildResult.Status.ASSUMED_EXISTS, spec.imageName(), null, u.reason());
      }
    }
    LOG.info("Building image {} with the {} builder", spec.imageName(), builder.name());
    ImageBuildResult result = builder.build(spec);
    String now = SpecHasher.tag(spec, MavenLocalRepository.defaultRepository());
    if (!now.equals(spec.tag())) {
      throw new FlyteUserException("Files of image " + spec.name() + " changed while it was built (tag "
          + spec.tag() + " before, " + now + " after); the pushed image may not match its tag: build again"
          + " once the files are stable");
    }
    return result;
  }

  private boolean isTrue(String var) {
    String v = env.get(var);
    return v != null && TRUE.contains(v.strip().toLowerCase(Locale.ROOT));
  }
}
