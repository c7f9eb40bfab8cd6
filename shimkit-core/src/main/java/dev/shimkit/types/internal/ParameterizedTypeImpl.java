package dev.shimkit.types.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/** A {@link ParameterizedType} whose equals/hashCode agree with the JDK's implementation. */
public final class ParameterizedTypeImpl implements ParameterizedType {
  private final Class<?> raw;
  private final Type[] args;

  public ParameterizedTypeImpl(Class<?> raw, Type... args) {
    this.raw = Objects.requireNonNull(raw, "raw");
    if (raw.getTypeParameters().length != args.length) {
      throw new IllegalArgumentException(raw.getName() + " takes " + raw.getTypeParameters().length
          + " type arguments, got " + args.length);
    }
    this.args = args.clone();
    for (Type a : this.args) {
      Objects.requireNonNull(a, "type argument");
    }
  }

  @Override
  public Type[] getActualTypeArguments() {
    return args.clone();
  }

  @Override
  public Type getRawType() {
    return raw;
  }

  @Override
  public Type getOwnerType() {
    return raw.getDeclaringClass();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParameterizedType p && raw.equals(p.getRawType())
        && Objects.equals(getOwnerType(), p.getOwnerType()) && Arrays.equals(args, p.getActualTypeArguments());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(args) ^ Objects.hashCode(getOwnerType()) ^ raw.hashCode();
  }

  @Override
  public String toString() {
    return raw.getName() + Arrays.stream(args).map(Type::getTypeName).collect(Collectors.joining(", ", "<", ">"));
  }
}
