package dev.shimkit.workflow;

import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;

/**
 * Whether a value of one Flyte type can feed an input of another, checked at workflow compile time the way
 * Flyte's compiler checks bindings (simplified): equal simple types (structs of any schema), matching
 * collections and maps, blobs of the same dimensionality and a compatible format, datasets of a compatible
 * format (a schema, which is parquet, and a parquet or format-less dataset feed each other, as
 * flytepropeller's {@code structuredDatasetCastFromSchema} allows; columns are not compared), enums whose
 * values the target accepts, and unions (a value fits a union when it fits a variant).
 */
final class TypeCompat {
  private TypeCompat() {
  }

  static boolean castable(LiteralType upstream, LiteralType downstream) {
    if (downstream.hasUnionType()) {
      if (upstream.hasUnionType()) {
        for (LiteralType u : upstream.getUnionType().getVariantsList()) {
          if (!castable(u, downstream)) {
            return false;
          }
        }
        return true;
      }
      for (LiteralType d : downstream.getUnionType().getVariantsList()) {
        if (castable(upstream, d)) {
          return true;
        }
      }
      return false;
    }
    if (upstream.hasUnionType()) {
      return false;
    }
    if (downstream.hasSimple() && downstream.getSimple() == SimpleType.STRUCT) {
      return upstream.hasSimple() && upstream.getSimple() == SimpleType.STRUCT;
    }
    switch (downstream.getTypeCase()) {
      case SIMPLE:
        return upstream.hasSimple() && upstream.getSimple() == downstream.getSimple();
      case COLLECTION_TYPE:
        return upstream.hasCollectionType() && castable(upstream.getCollectionType(), downstream.getCollectionType());
      case MAP_VALUE_TYPE:
        return upstream.hasMapValueType() && castable(upstream.getMapValueType(), downstream.getMapValueType());
      case BLOB:
        return upstream.hasBlob() && upstream.getBlob().getDimensionality() == downstream.getBlob().getDimensionality()
            && formatsMatch(upstream.getBlob().getFormat(), downstream.getBlob().getFormat());
      case STRUCTURED_DATASET_TYPE:
        if (upstream.hasSchema()) {
          // Flyte's compiler: a schema is parquet, so it feeds a dataset of no or parquet format
          return formatsMatch("parquet", downstream.getStructuredDatasetType().getFormat());
        }
        return upstream.hasStructuredDatasetType() && formatsMatch(upstream.getStructuredDatasetType().getFormat(),
            downstream.getStructuredDatasetType().getFormat());
      case ENUM_TYPE:
        return upstream.hasEnumType()
            && downstream.getEnumType().getValuesList().containsAll(upstream.getEnumType().getValuesList());
      case SCHEMA:
        return upstream.hasSchema() || (upstream.hasStructuredDatasetType()
            && formatsMatch(upstream.getStructuredDatasetType().getFormat(), "parquet"));
      default:
        return upstream.getTypeCase() == downstream.getTypeCase();
    }
  }

  private static boolean formatsMatch(String a, String b) {
    return a.isEmpty() || b.isEmpty() || a.equalsIgnoreCase(b);
  }

  /** A short human name of a type for messages. */
  static String describe(LiteralType t) {
    switch (t.getTypeCase()) {
      case SIMPLE:
        return t.getSimple().name().toLowerCase(java.util.Locale.ROOT);
      case COLLECTION_TYPE:
        return "list<" + describe(t.getCollectionType()) + ">";
      case MAP_VALUE_TYPE:
        return "map<string, " + describe(t.getMapValueType()) + ">";
      case UNION_TYPE:
        StringBuilder sb = new StringBuilder("union<");
        for (int i = 0; i < t.getUnionType().getVariantsCount(); i++) {
          sb.append(i == 0 ? "" : ", ").append(describe(t.getUnionType().getVariants(i)));
        }
        return sb.append('>').toString();
      case BLOB:
        return t.getBlob().getDimensionality().name().toLowerCase(java.util.Locale.ROOT) + " blob"
            + (t.getBlob().getFormat().isEmpty() ? "" : " (" + t.getBlob().getFormat() + ")");
      case STRUCTURED_DATASET_TYPE:
        return "structured dataset";
      case ENUM_TYPE:
        return "enum" + t.getEnumType().getValuesList();
      default:
        return t.getTypeCase().name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
