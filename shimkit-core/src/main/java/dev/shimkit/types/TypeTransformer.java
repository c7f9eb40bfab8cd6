package dev.shimkit.types;

import dev.shimkit.context.FlyteContext;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Converts one family of Java types to Flyte literals and back: the Java counterpart of flytekit's
 * {@code TypeTransformer}. Implementations are found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.shimkit.types.TypeTransformer}) and need a public no-arg constructor.
 *
 * <p>Precedence: transformers found through ServiceLoader are asked before the built-in ones, so a user
 * transformer that {@link #handles} a type overrides the built-in for it; among ServiceLoader transformers a
 * higher {@link #priority()} is asked first (ties keep ServiceLoader order). The same order applies to
 * {@link #guessJavaType}.
 *
 * <p>The engine handles {@code null} values and union (optional) expected types before calling a
 * transformer, so {@link #toLiteral} receives a non-null value and the expected type of this transformer's
 * kind (never null: when the caller gives none the engine passes {@link #toLiteralType}).
 */
public interface TypeTransformer<T> {

  /** Short name; used as the union variant tag ({@code structure.tag}) exactly as flytekit does. */
  String name();

  /** Whether this transformer converts values declared as {@code javaType}. */
  boolean handles(Type javaType);

  /** The literal type {@code javaType} declares. */
  LiteralType toLiteralType(Type javaType, TypeEngine engine);

  /** {@code value} (non-null, declared as {@code javaType}) as a literal of {@code expected}. */
  Literal toLiteral(FlyteContext ctx, T value, Type javaType, LiteralType expected, TypeEngine engine);

  /** {@code literal} as a value of {@code javaType}. */
  T toJava(FlyteContext ctx, Literal literal, Type javaType, TypeEngine engine);

  /** The Java type this transformer would use for {@code literalType}, or empty when it is not its kind. */
  default Optional<Type> guessJavaType(LiteralType literalType, TypeEngine engine) {
    return Optional.empty();
  }

  /** Order among ServiceLoader transformers: higher is asked first. Built-ins are always asked last. */
  default int priority() {
    return 0;
  }
}
