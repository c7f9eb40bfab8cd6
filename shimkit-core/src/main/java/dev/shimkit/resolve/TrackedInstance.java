package dev.shimkit.resolve;

import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.FlyteUserException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * An object that can be found again at run time by its {@link #location()}: {@code <class>.<STATIC_FIELD>},
 * the static field that holds it in the class that created it. The Java counterpart of flytekit's
 * {@code TrackedInstance} ({@code module.variable}). Tasks, workflows, resolvers and launch plans are tracked:
 * declare them as {@code public static final} fields so they can be loaded in the container.
 */
public abstract class TrackedInstance {
  private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
  public static final String LOAD_ERROR_CODE = "USER:UnloadableCode";

  private final Class<?> instantiatedIn;
  private volatile String lhs;

  protected TrackedInstance() {
    this.instantiatedIn = WALKER.walk(frames -> {
      Class<?> firstCaller = null;
      for (StackWalker.StackFrame frame : (Iterable<StackWalker.StackFrame>) frames::iterator) {
        Class<?> c = frame.getDeclaringClass();
        if (isJdk(c)) {
          continue;
        }
        if ("<clinit>".equals(frame.getMethodName())) {
          return c;
        }
        if (firstCaller == null && !isFrameworkFrame(c)) {
          firstCaller = c;
        }
      }
      return firstCaller;
    });
  }

  /** The class whose code created this object (the one expected to hold it in a static field). */
  public Optional<Class<?>> instantiatedIn() {
    return Optional.ofNullable(instantiatedIn);
  }

  /** The name of the static field holding this object, found on first use. */
  public String lhs() {
    String found = lhs;
    if (found == null) {
      found = findLhs();
      lhs = found;
    }
    return found;
  }

  /** Whether this object can be found by a location (it sits in a static field of the class that made it). */
  public boolean hasLocation() {
    try {
      lhs();
      return true;
    } catch (FlyteSystemException e) {
      return false;
    }
  }

  /** {@code <binary class name>.<field>}: what {@link #load(String)} takes to find this object again. */
  public String location() {
    return instantiatedIn.getName() + "." + lhs();
  }

  /**
   * The first static field (alphabetical order, as flytekit's {@code dir()}) of {@link #instantiatedIn()} that
   * holds this very object.
   */
  public String findLhs() {
    if (instantiatedIn == null) {
      throw new FlyteSystemException("Error looking for LHS: the class that created " + describe() + " is unknown");
    }
    Field[] fields = instantiatedIn.getDeclaredFields();
    Arrays.sort(fields, Comparator.comparing(Field::getName));
    for (Field field : fields) {
      if (!Modifier.isStatic(field.getModifiers()) || !field.trySetAccessible()) {
        continue;
      }
      try {
        if (field.get(null) == this) {
          return field.getName();
        }
      } catch (IllegalAccessException e) {
        // not readable: it cannot be the holder we look for
      }
    }
    throw new FlyteSystemException("Error looking for LHS in " + instantiatedIn.getName() + ": " + describe()
        + " is not held by a static field of that class. Declare it as `public static final` there so Flyte "
        + "can load it by name in the container.");
  }

  /**
   * Loads the object at {@code location}: the class named by the text before the last dot, then the static
   * field named by the text after it. Uses the thread's context class loader.
   */
  public static Object load(String location) {
    int dot = location.lastIndexOf('.');
    if (dot <= 0 || dot == location.length() - 1) {
      throw new FlyteUserException(LOAD_ERROR_CODE, "Invalid location '" + location
          + "': expected <fully.qualified.Class>.<STATIC_FIELD>", null);
    }
    String className = location.substring(0, dot);
    String fieldName = location.substring(dot + 1);
    Class<?> holder = loadClass(className);
    try {
      Field field = holder.getDeclaredField(fieldName);
      if (!Modifier.isStatic(field.getModifiers())) {
        throw new FlyteUserException(LOAD_ERROR_CODE, "Field " + location + " is not static: only static fields "
            + "can be loaded by location", null);
      }
      field.setAccessible(true);
      Object value = field.get(null);
      if (value == null) {
        throw new FlyteUserException(LOAD_ERROR_CODE, "Field " + location + " is null", null);
      }
      return value;
    } catch (NoSuchFieldException e) {
      throw new FlyteUserException(LOAD_ERROR_CODE, "Class " + className + " has no field '" + fieldName
          + "' (location " + location + ")", e);
    } catch (IllegalAccessException | RuntimeException e) {
      if (e instanceof FlyteUserException fue) {
        throw fue;
      }
      throw new FlyteUserException(LOAD_ERROR_CODE, "Cannot read " + location + ": " + e, e);
    } catch (ExceptionInInitializerError e) {
      throw new FlyteUserException(LOAD_ERROR_CODE, "Initializing " + className + " failed: " + e.getCause(), e);
    }
  }

  /** Loads a class by binary name with the thread's context class loader, with a clear error. */
  public static Class<?> loadClass(String className) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = TrackedInstance.class.getClassLoader();
    }
    try {
      return Class.forName(className, true, loader);
    } catch (ClassNotFoundException e) {
      throw new FlyteUserException(LOAD_ERROR_CODE, "Class " + className + " is not on the classpath. Check the "
          + "name (nested classes use '$') and that the jar holding it is in the image.", e);
    } catch (ExceptionInInitializerError e) {
      throw new FlyteUserException(LOAD_ERROR_CODE, "Initializing " + className + " failed: " + e.getCause(),
          e.getCause());
    } catch (LinkageError e) {
      throw new FlyteUserException(LOAD_ERROR_CODE, "Class " + className + " cannot be loaded: " + e, e);
    }
  }

  private String describe() {
    return getClass().getSimpleName();
  }

  /**
   * Frames of tracked types themselves (constructors, factories, nested builders) are skipped when looking for
   * the creating class; the static initializer that runs first wins, since it is what fills static fields.
   */
  private static boolean isFrameworkFrame(Class<?> c) {
    if (TrackedInstance.class.isAssignableFrom(c)) {
      return true;
    }
    Class<?> host = c.getNestHost();
    if (host != c && TrackedInstance.class.isAssignableFrom(host)) {
      return true;
    }
    return false;
  }

  private static boolean isJdk(Class<?> c) {
    String name = c.getName();
    return name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.");
  }
}
