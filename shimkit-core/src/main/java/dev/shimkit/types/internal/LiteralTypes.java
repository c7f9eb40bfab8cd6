package dev.shimkit.types.internal;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.shimkit.errors.FlyteTypeException;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import flyteidl.core.Types.TypeAnnotation;
import flyteidl.core.Types.TypeStructure;
import java.util.stream.Collectors;

/** Small helpers over {@link LiteralType}: building, tagging, describing and comparing kinds. */
public final class LiteralTypes {
  /** The annotation flytekit puts on msgpack-serialized STRUCT types. */
  public static final TypeAnnotation MSGPACK_ANNOTATION = TypeAnnotation.newBuilder()
      .setAnnotations(Struct.newBuilder().putFields("cache-key-metadata", Value.newBuilder()
          .setStructValue(Struct.newBuilder().putFields("serialization-format",
              Value.newBuilder().setStringValue("msgpack").build())).build()))
      .build();
  public static final String MSGPACK_TAG = "msgpack";

  private LiteralTypes() {
  }

  public static LiteralType simple(SimpleType t) {
    return LiteralType.newBuilder().setSimple(t).build();
  }

  /** {@code t} with {@code structure.tag} set (what flytekit does to union variants). */
  public static LiteralType tagged(LiteralType t, String tag) {
    TypeStructure.Builder s = t.getStructure().toBuilder().setTag(tag);
    return t.toBuilder().setStructure(s).build();
  }

  public static boolean isNone(LiteralType t) {
    return t.getTypeCase() == LiteralType.TypeCase.SIMPLE && t.getSimple() == SimpleType.NONE;
  }

  /** Whether a value written for {@code declared} can be written as {@code expected} (same kind). */
  public static boolean sameKind(LiteralType declared, LiteralType expected) {
    if (declared.getTypeCase() != expected.getTypeCase()) {
      return declared.getTypeCase() == LiteralType.TypeCase.STRUCTURED_DATASET_TYPE
          && expected.getTypeCase() == LiteralType.TypeCase.SCHEMA
          || declared.getTypeCase() == LiteralType.TypeCase.ENUM_TYPE && isSimple(expected, SimpleType.STRING);
    }
    return switch (declared.getTypeCase()) {
      case SIMPLE -> declared.getSimple() == expected.getSimple()
          || declared.getSimple() == SimpleType.INTEGER && expected.getSimple() == SimpleType.FLOAT;
      case COLLECTION_TYPE -> sameKind(declared.getCollectionType(), expected.getCollectionType());
      case MAP_VALUE_TYPE -> sameKind(declared.getMapValueType(), expected.getMapValueType());
      case BLOB -> declared.getBlob().getDimensionality() == expected.getBlob().getDimensionality();
      default -> true;
    };
  }

  public static boolean isSimple(LiteralType t, SimpleType s) {
    return t.getTypeCase() == LiteralType.TypeCase.SIMPLE && t.getSimple() == s;
  }

  /** A short human description, e.g. {@code INTEGER}, {@code collection<FLOAT>}, {@code STRUCT(Point)}. */
  public static String describe(LiteralType t) {
    return switch (t.getTypeCase()) {
      case SIMPLE -> t.getSimple() == SimpleType.STRUCT && t.getMetadata().containsFields("title")
          ? "STRUCT(" + t.getMetadata().getFieldsOrThrow("title").getStringValue() + ")" : t.getSimple().name();
      case COLLECTION_TYPE -> "collection<" + describe(t.getCollectionType()) + ">";
      case MAP_VALUE_TYPE -> "map<" + describe(t.getMapValueType()) + ">";
      case ENUM_TYPE -> "enum" + t.getEnumType().getValuesList();
      case UNION_TYPE -> t.getUnionType().getVariantsList().stream().map(LiteralTypes::describe)
          .collect(Collectors.joining("|", "union[", "]"));
      case BLOB -> "blob(" + t.getBlob().getDimensionality().name()
          + (t.getBlob().getFormat().isEmpty() ? "" : ", " + t.getBlob().getFormat()) + ")";
      case SCHEMA -> "schema" + t.getSchema().getColumnsList().stream().map(c -> c.getName() + ":" + c.getType())
          .collect(Collectors.joining(", ", "[", "]"));
      case STRUCTURED_DATASET_TYPE -> "structured_dataset("
          + (t.getStructuredDatasetType().getFormat().isEmpty() ? "any format" : t.getStructuredDatasetType().getFormat())
          + ")";
      default -> t.getTypeCase().name();
    };
  }

  /** A short description of what a literal holds, for error messages. */
  public static String describe(Literal l) {
    return switch (l.getValueCase()) {
      case SCALAR -> switch (l.getScalar().getValueCase()) {
        case PRIMITIVE -> "primitive " + l.getScalar().getPrimitive().getValueCase().name().toLowerCase();
        default -> l.getScalar().getValueCase().name().toLowerCase();
      };
      default -> l.getValueCase().name().toLowerCase();
    };
  }

  /** The error for a value that does not fit: {@code expected INTEGER (java long), got java.lang.String "abc"}. */
  /**
   * The literal type declared for {@code key}, null when no types are declared at all; a name the declared
   * types lack is an error ({@code name} starts its message).
   */
  public static LiteralType declared(String name, String key, java.util.Map<String, LiteralType> literalTypes) {
    if (literalTypes == null) {
      return null;
    }
    LiteralType expected = literalTypes.get(key);
    if (expected == null) {
      throw new FlyteTypeException(name + ": not declared; declared names are " + literalTypes.keySet());
    }
    return expected;
  }

  public static FlyteTypeException mismatch(LiteralType expected, java.lang.reflect.Type javaType, Object value) {
    return new FlyteTypeException("expected " + describe(expected) + " (java " + javaType.getTypeName() + "), got "
        + Values.describe(value));
  }

  /** The error for a literal that does not hold what {@code javaType} needs. */
  public static FlyteTypeException badLiteral(String wanted, java.lang.reflect.Type javaType, Literal literal) {
    return new FlyteTypeException("expected a literal holding " + wanted + " (java " + javaType.getTypeName()
        + "), got " + describe(literal));
  }
}
