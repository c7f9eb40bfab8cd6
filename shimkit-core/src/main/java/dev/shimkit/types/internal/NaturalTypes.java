package dev.shimkit.types.internal;

import dev.shimkit.types.FlyteDirectory;
import dev.shimkit.types.FlyteFile;
import dev.shimkit.types.StructuredDataset;
import dev.shimkit.types.TypeEngine;
import dev.shimkit.types.Types;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Types.BlobType.BlobDimensionality;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to do with values declared loosely: {@code Object} or a raw generic ({@code List}, {@code Map},
 * {@code Optional}). Writing uses the expected literal type and the value's runtime class; reading uses the
 * literal's own shape.
 */
public final class NaturalTypes {
  private NaturalTypes() {
  }

  /** The type to convert {@code value} as, given its declared type and (maybe null) expected literal type. */
  public static Type concrete(TypeEngine engine, Type declared, Object value, LiteralType expected) {
    boolean loose = declared == Object.class || declared instanceof Class<?> c && c.getTypeParameters().length > 0;
    if (!loose) {
      return declared;
    }
    if (value instanceof List || value instanceof Map || value instanceof Optional) {
      if (expected != null) {
        try {
          Type g = engine.guessJavaType(expected);
          if (Types.rawClass(g).isInstance(value)) {
            return g;
          }
        } catch (RuntimeException e) {
          // fall through to the loose container type
        }
      }
      return value instanceof List ? Types.listOf(Object.class)
          : value instanceof Map ? Types.mapOf(Object.class) : Types.optionalOf(Object.class);
    }
    return value.getClass();
  }

  /** The Java type a literal naturally reads as (used for {@code Object}). */
  public static Type of(Literal l) {
    switch (l.getValueCase()) {
      case COLLECTION:
        return Types.listOf(Object.class);
      case MAP:
        return Types.mapOf(Object.class);
      case SCALAR:
        break;
      default:
        throw LiteralTypes.badLiteral("a value", Object.class, l);
    }
    Scalar s = l.getScalar();
    return switch (s.getValueCase()) {
      case PRIMITIVE -> switch (s.getPrimitive().getValueCase()) {
        case INTEGER -> Long.class;
        case FLOAT_VALUE -> Double.class;
        case STRING_VALUE -> String.class;
        case BOOLEAN -> Boolean.class;
        case DATETIME -> Instant.class;
        case DURATION -> Duration.class;
        default -> throw LiteralTypes.badLiteral("a value", Object.class, l);
      };
      case NONE_TYPE -> Void.class;
      case BINARY -> LiteralTypes.MSGPACK_TAG.equals(s.getBinary().getTag()) ? Types.mapOf(Object.class)
          : byte[].class;
      case GENERIC -> Types.mapOf(Object.class);
      case BLOB -> s.getBlob().getMetadata().getType().getDimensionality() == BlobDimensionality.MULTIPART
          ? FlyteDirectory.class : FlyteFile.class;
      case STRUCTURED_DATASET, SCHEMA -> StructuredDataset.class;
      case ERROR -> flyteidl.core.Types.Error.class;
      case UNION -> of(s.getUnion().getValue());
      default -> throw LiteralTypes.badLiteral("a value", Object.class, l);
    };
  }

  /** Same type case and, for simple types, the same simple type. */
  public static boolean exactKind(LiteralType a, LiteralType b) {
    if (a.getTypeCase() != b.getTypeCase()) {
      return false;
    }
    return a.getTypeCase() != LiteralType.TypeCase.SIMPLE || a.getSimple() == b.getSimple();
  }
}
