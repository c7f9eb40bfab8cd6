package dev.shimkit.types;

import dev.shimkit.types.internal.ParameterizedTypeImpl;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the parameterized Java types the engine understands ({@code List<T>}, {@code Map<String,T>},
 * {@code Optional<T>}) without a type token. The results are equal (and hash alike) to the JDK's own
 * {@link ParameterizedType}s, e.g. the generic type of a field declared {@code List<Long>}.
 */
public final class Types {
  private Types() {
  }

  /** {@code List<element>}. */
  public static ParameterizedType listOf(Type element) {
    return of(List.class, element);
  }

  /** {@code Map<String, value>}. */
  public static ParameterizedType mapOf(Type value) {
    return of(Map.class, String.class, value);
  }

  /** {@code Optional<element>}. */
  public static ParameterizedType optionalOf(Type element) {
    return of(Optional.class, element);
  }

  /** {@code raw<args...>} for any generic class (no owner type). */
  public static ParameterizedType of(Class<?> raw, Type... args) {
    return new ParameterizedTypeImpl(raw, args);
  }

  /** The class behind {@code type}: itself for a class, the raw class for a parameterized type. */
  public static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    if (type instanceof java.lang.reflect.WildcardType w) {
      return rawClass(w.getUpperBounds()[0]);
    }
    return Object.class;
  }

  /** The {@code i}-th type argument of {@code type}, or {@code Object.class} when it has none (a raw type). */
  public static Type argument(Type type, int i) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > i) {
      Type arg = p.getActualTypeArguments()[i];
      if (arg instanceof java.lang.reflect.WildcardType w) {
        return w.getUpperBounds()[0];
      }
      return arg;
    }
    return Object.class;
  }
}
