package dev.shimkit.types.internal;

import dev.shimkit.errors.FlyteTypeException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fields of a record or POJO, found by reflection once per class. Records: components in declaration
 * order, built through the canonical constructor. POJOs: non-static, non-transient fields of the class and
 * its superclasses (superclass first, each in declaration order), set on an instance made by the no-arg
 * constructor. A field is optional when its type is {@code Optional<T>} or it carries an annotation named
 * {@code Nullable} (any package).
 */
public final class StructShape {
  /** One field: name, declared generic type, whether it may be absent. */
  public record Property(String name, Type type, boolean optional, Method accessor, Field field) {
  }

  private static final ClassValue<StructShape> CACHE = new ClassValue<>() {
    @Override
    protected StructShape computeValue(Class<?> c) {
      return new StructShape(c);
    }
  };

  private final Class<?> type;
  private final List<Property> properties;
  private final Constructor<?> constructor;

  private StructShape(Class<?> c) {
    this.type = c;
    List<Property> props = new ArrayList<>();
    try {
      if (c.isRecord()) {
        RecordComponent[] rc = c.getRecordComponents();
        Class<?>[] params = new Class<?>[rc.length];
        for (int i = 0; i < rc.length; i++) {
          Method m = rc[i].getAccessor();
          m.setAccessible(true);
          props.add(new Property(rc[i].getName(), rc[i].getGenericType(),
              optional(rc[i].getGenericType(), rc[i]), m, null));
          params[i] = rc[i].getType();
        }
        constructor = c.getDeclaredConstructor(params);
      } else {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
          chain.add(0, k);
        }
        for (Class<?> k : chain) {
          for (Field f : k.getDeclaredFields()) {
            int mod = f.getModifiers();
            if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()) {
              continue;
            }
            f.setAccessible(true);
            props.add(new Property(f.getName(), f.getGenericType(), optional(f.getGenericType(), f), null, f));
          }
        }
        constructor = c.getDeclaredConstructor();
      }
      constructor.setAccessible(true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new FlyteTypeException("Cannot use " + c.getName() + " as a Flyte struct: " + e.getMessage()
          + " (use a record, or a class with a no-arg constructor)", e);
    }
    this.properties = List.copyOf(props);
  }

  public static StructShape of(Class<?> c) {
    return CACHE.get(c);
  }

  /** Whether {@code c} is converted as a struct: a record, or a concrete non-JDK class with a no-arg constructor. */
  public static boolean isStruct(Class<?> c) {
    if (c.isRecord()) {
      return true;
    }
    if (c.isInterface() || c.isArray() || c.isPrimitive() || c.isEnum() || Modifier.isAbstract(c.getModifiers())
        || c.isAnonymousClass()) {
      return false;
    }
    String n = c.getName();
    if (n.startsWith("java.") || n.startsWith("javax.") || n.startsWith("com.google.protobuf.")
        || n.startsWith("flyteidl.")) {
      return false;
    }
    try {
      c.getDeclaredConstructor();
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static boolean optional(Type t, AnnotatedElement e) {
    if (t instanceof Class<?> c && c.isPrimitive()) {
      return false;
    }
    if (dev.shimkit.types.Types.rawClass(t) == Optional.class) {
      return true;
    }
    for (Annotation a : e.getAnnotations()) {
      if (a.annotationType().getSimpleName().equals("Nullable")) {
        return true;
      }
    }
    return false;
  }

  public Class<?> type() {
    return type;
  }

  public List<Property> properties() {
    return properties;
  }

  public Object get(Object instance, Property p) {
    try {
      return p.accessor() != null ? p.accessor().invoke(instance) : p.field().get(instance);
    } catch (ReflectiveOperationException e) {
      throw new FlyteTypeException("Cannot read field '" + p.name() + "' of " + type.getName() + ": " + e, e);
    }
  }

  /** A new instance with {@code values} in property order. */
  public Object newInstance(Object[] values) {
    try {
      if (type.isRecord()) {
        return constructor.newInstance(values);
      }
      Object o = constructor.newInstance();
      for (int i = 0; i < values.length; i++) {
        Property p = properties.get(i);
        if (values[i] != null || !p.field().getType().isPrimitive()) {
          p.field().set(o, values[i]);
        }
      }
      return o;
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw new FlyteTypeException("Cannot build " + type.getName() + ": its constructor threw "
          + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new FlyteTypeException("Cannot build " + type.getName() + ": " + e, e);
    }
  }
}
