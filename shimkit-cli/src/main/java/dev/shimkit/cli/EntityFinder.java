package dev.shimkit.cli;

import dev.shimkit.cli.internal.Classpaths;
import dev.shimkit.errors.FlyteUserException;
import dev.shimkit.resolve.TrackedInstance;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.FieldInfo;
import io.github.classgraph.ScanResult;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds what to register: every task, workflow and launch plan held in a {@code public static} field of a class
 * in the given packages (and their subpackages), the Java form of {@code pyflyte --pkgs}. An object counts only
 * in the field that is its {@link TrackedInstance#location()} (the field of the class that created it), so an
 * alias in another field or class is not registered twice. Objects become entities through the
 * {@link EntityAdapter}s found with {@link ServiceLoader}. The result is ordered dependencies first: tasks,
 * then workflows, then launch plans, each by location.
 */
public final class EntityFinder {
  private static final int SHOWN_CLASSPATH_ENTRIES = 8;

  private final List<String> packages;
  private final List<Path> classpath;
  private final ClassLoader parent;
  private ClassLoader loader;

  private EntityFinder(List<String> packages, List<Path> classpath, ClassLoader parent) {
    this.packages = List.copyOf(packages);
    this.classpath = List.copyOf(classpath);
    this.parent = parent;
  }

  /**
   * A finder over {@code packages} on {@code classpath} (jars or class directories); an empty classpath means
   * the JVM's own. Classes of a given classpath load in a child of {@code parent}.
   */
  public static EntityFinder of(List<String> packages, List<Path> classpath, ClassLoader parent) {
    if (packages.isEmpty()) {
      throw new FlyteUserException("No packages given: name the Java packages holding your tasks with --pkgs "
          + "(e.g. --pkgs com.acme.flows)");
    }
    for (Path p : classpath) {
      if (!Files.exists(p)) {
        throw new FlyteUserException("Classpath entry " + p + " does not exist; give jars or class directories");
      }
    }
    return new EntityFinder(packages, classpath, parent);
  }

  /**
   * The class loader user classes were loaded with by {@link #find()}: a child loader over the classpath, or
   * the parent. Serialize the entities with it as the thread's context class loader.
   */
  public ClassLoader classLoader() {
    return loader == null ? parent : loader;
  }

  /**
   * Scans, loads the classes that declare public static fields, and returns the entities in registration
   * order. Throws a {@link FlyteUserException} naming the packages, the classpath and the rule when none is found.
   */
  public List<RegistrableEntity> find() {
    loader = classpath.isEmpty() ? parent : new URLClassLoader(Classpaths.urls(classpath), parent);
    ClassGraph graph = new ClassGraph().acceptPackages(packages.toArray(String[]::new)).enableClassInfo()
        .enableFieldInfo().ignoreClassVisibility();
    if (!classpath.isEmpty()) {
      graph.overrideClasspath(classpath.stream().map(Path::toString).toList());
    }
    List<String> holders = new ArrayList<>();
    int scanned;
    try (ScanResult result = graph.scan()) {
      scanned = result.getAllClasses().size();
      for (ClassInfo ci : result.getAllClasses()) {
        if (ci.getDeclaredFieldInfo().stream().anyMatch(EntityFinder::canHold)) {
          holders.add(ci.getName());
        }
      }
    }
    holders.sort(Comparator.naturalOrder());
    List<EntityAdapter> adapters = adapters(loader);
    List<RegistrableEntity> found = new ArrayList<>();
    IdentityHashMap<Object, String> seen = new IdentityHashMap<>();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      for (String className : holders) {
        Class<?> holder = load(className);
        Field[] fields = holder.getDeclaredFields();
        Arrays.sort(fields, Comparator.comparing(Field::getName));
        for (Field field : fields) {
          int m = field.getModifiers();
          if (!Modifier.isPublic(m) || !Modifier.isStatic(m) || field.getType().isPrimitive()) {
            continue;
          }
          Object value = read(field, className);
          if (!(value instanceof TrackedInstance ti) || seen.containsKey(value)) {
            continue;
          }
          String location = className + "." + field.getName();
          if (!ti.hasLocation() || !ti.location().equals(location)) {
            continue;
          }
          seen.put(value, location);
          for (EntityAdapter adapter : adapters) {
            List<RegistrableEntity> entities = adapter.adapt(ti, location);
            if (!entities.isEmpty()) {
              found.addAll(entities);
              break;
            }
          }
        }
      }
    } finally {
      thread.setContextClassLoader(previous);
    }
    if (found.isEmpty()) {
      throw new FlyteUserException(nothingFound(scanned));
    }
    found.sort(Comparator.comparing(RegistrableEntity::kind).thenComparing(RegistrableEntity::location)
        .thenComparing(RegistrableEntity::name));
    return List.copyOf(found);
  }

  private static boolean canHold(FieldInfo f) {
    return f.isPublic() && f.isStatic();
  }

  private Class<?> load(String className) {
    try {
      return Class.forName(className, true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      Throwable cause = e instanceof ExceptionInInitializerError eie && eie.getCause() != null ? eie.getCause() : e;
      throw new FlyteUserException("Loading " + className + " failed while looking for tasks: " + cause
          + ". Fix the class or leave its package out of --pkgs.", cause);
    }
  }

  private static Object read(Field field, String className) {
    try {
      return field.get(null);
    } catch (IllegalAccessException e) {
      return null; // a public field of a class this module cannot read (not exported): it cannot be loaded by name either
    } catch (RuntimeException | LinkageError e) {
      throw new FlyteUserException("Reading " + className + "." + field.getName() + " failed: " + e, e);
    }
  }

  private static List<EntityAdapter> adapters(ClassLoader loader) {
    List<EntityAdapter> adapters = new ArrayList<>();
    ServiceLoader.load(EntityAdapter.class, loader).forEach(adapters::add);
    adapters.sort(Comparator.comparing(a -> a.getClass().getName()));
    return adapters;
  }

  private String nothingFound(int scanned) {
    List<String> where;
    if (classpath.isEmpty()) {
      String cp = System.getProperty("java.class.path", "");
      where = cp.isEmpty() ? List.of() : List.of(cp.split(File.pathSeparator));
    } else {
      where = classpath.stream().map(Path::toString).toList();
    }
    String shown = String.join(", ", where.subList(0, Math.min(SHOWN_CLASSPATH_ENTRIES, where.size())))
        + (where.size() > SHOWN_CLASSPATH_ENTRIES ? " and " + (where.size() - SHOWN_CLASSPATH_ENTRIES) + " more" : "");
    return "No tasks, workflows or launch plans found in packages " + packages + " (" + scanned + " classes scanned, "
        + "subpackages included) on " + (classpath.isEmpty() ? "the JVM classpath" : "--classpath") + " [" + shown
        + "]. An entity counts when it is held in a public static field of a class in those packages, in the "
        + "class that created it, e.g. `public static final JavaTask<In, Out> ADD_ONE = JavaTask.of(...)`. "
        + "Check the package names and that the compiled classes are on the classpath.";
  }
}
