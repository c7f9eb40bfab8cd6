package dev.shimkit.types.internal;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.errors.FlyteTypeException;
import dev.shimkit.types.StructuredDataset;
import dev.shimkit.types.TypeEngine;
import dev.shimkit.types.TypeTransformer;
import dev.shimkit.types.Types;
import flyteidl.core.Literals;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Literals.StructuredDatasetMetadata;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.StructuredDatasetType;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * {@link StructuredDataset} ↔ {@code scalar.structured_dataset{uri, metadata.structured_dataset_type{columns,
 * format}}}. Declared type: {@code structured_dataset_type} with no columns and format {@code ""} (any), as
 * flytekit declares a plain {@code StructuredDataset}. For an expected SCHEMA type (flytekit's SQLite3Task
 * output) the literal is a structured dataset with format parquet and no columns, as flytekit writes it.
 * Reading accepts the legacy {@code scalar.schema} literal too. Guess: structured dataset and SCHEMA types →
 * StructuredDataset. The data itself is read and written by format codecs elsewhere.
 */
public final class StructuredDatasetTransformer implements TypeTransformer<StructuredDataset> {
  private static final LiteralType DECLARED = LiteralType.newBuilder()
      .setStructuredDatasetType(StructuredDatasetType.newBuilder().setFormat("")).build();

  @Override
  public String name() {
    return "StructuredDatasetTransformerEngine";
  }

  @Override
  public boolean handles(Type javaType) {
    return Types.rawClass(javaType) == StructuredDataset.class;
  }

  @Override
  public LiteralType toLiteralType(Type javaType, TypeEngine engine) {
    return DECLARED;
  }

  @Override
  public Literal toLiteral(FlyteContext ctx, StructuredDataset value, Type javaType, LiteralType expected,
      TypeEngine engine) {
    StructuredDatasetType.Builder sdt = StructuredDatasetType.newBuilder();
    if (expected.hasSchema()) {
      sdt.setFormat(StructuredDataset.PARQUET);
    } else if (expected.hasStructuredDatasetType()) {
      sdt.setFormat(value.fileFormat());
      for (StructuredDataset.Column c : value.columns()) {
        sdt.addColumns(StructuredDatasetType.DatasetColumn.newBuilder().setName(c.name()).setLiteralType(c.type()));
      }
    } else {
      throw LiteralTypes.mismatch(expected, javaType, value);
    }
    if (value.uri() == null || value.uri().isEmpty()) {
      throw new FlyteTypeException("structured dataset has no uri: a format codec must write its data first");
    }
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setStructuredDataset(
        Literals.StructuredDataset.newBuilder().setUri(value.uri())
            .setMetadata(StructuredDatasetMetadata.newBuilder().setStructuredDatasetType(sdt)))).build();
  }

  @Override
  public StructuredDataset toJava(FlyteContext ctx, Literal literal, Type javaType, TypeEngine engine) {
    if (literal.hasScalar() && literal.getScalar().hasStructuredDataset()) {
      Literals.StructuredDataset sd = literal.getScalar().getStructuredDataset();
      StructuredDatasetType sdt = sd.getMetadata().getStructuredDatasetType();
      return new StructuredDataset(sd.getUri(), sdt.getFormat(), StructuredDataset.columnsOf(
          LiteralType.newBuilder().setStructuredDatasetType(sdt).build()));
    }
    if (literal.hasScalar() && literal.getScalar().hasSchema()) {
      Literals.Schema s = literal.getScalar().getSchema();
      return new StructuredDataset(s.getUri(), StructuredDataset.PARQUET,
          StructuredDataset.columnsOf(LiteralType.newBuilder().setSchema(s.getType()).build()));
    }
    throw LiteralTypes.badLiteral("a structured dataset", javaType, literal);
  }

  @Override
  public Optional<Type> guessJavaType(LiteralType lt, TypeEngine engine) {
    return lt.hasStructuredDatasetType() || lt.hasSchema() ? Optional.of(StructuredDataset.class) : Optional.empty();
  }
}
