package dev.shimkit.types;

import dev.shimkit.context.FlyteContext;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * Converts between Java values and Flyte literals. SKELETON: the type-engine work replaces this file with the
 * real engine, keeping these signatures.
 */
public final class TypeEngine {
  private static final TypeEngine DEFAULT = new TypeEngine();

  private TypeEngine() {
  }

  /** The engine with the built-in transformers and those found through ServiceLoader. */
  public static TypeEngine get() {
    return DEFAULT;
  }

  /** The literal type a Java type declares. */
  public LiteralType toLiteralType(Type javaType) {
    throw new UnsupportedOperationException("type engine not built yet");
  }

  /** {@code value} (of {@code javaType}) as a literal of {@code expected}. */
  public Literal toLiteral(FlyteContext ctx, Object value, Type javaType, LiteralType expected) {
    throw new UnsupportedOperationException("type engine not built yet");
  }

  /** {@code literal} as a Java value of {@code javaType}. */
  public <T> T toJava(FlyteContext ctx, Literal literal, Type javaType) {
    throw new UnsupportedOperationException("type engine not built yet");
  }

  /** The Java type to use for a literal type known only from a template. */
  public Type guessJavaType(LiteralType literalType) {
    throw new UnsupportedOperationException("type engine not built yet");
  }

  /** Each named value as a literal of its declared type. */
  public LiteralMap toLiteralMap(FlyteContext ctx, Map<String, ?> values, Map<String, Type> javaTypes,
      Map<String, LiteralType> literalTypes) {
    throw new UnsupportedOperationException("type engine not built yet");
  }

  /** Each literal as a Java value of the named type. */
  public Map<String, Object> toJavaMap(FlyteContext ctx, LiteralMap literals, Map<String, Type> javaTypes) {
    throw new UnsupportedOperationException("type engine not built yet");
  }
}
