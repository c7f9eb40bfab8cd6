package dev.shimkit.types.internal;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.types.TypeEngine;
import dev.shimkit.types.TypeTransformer;
import dev.shimkit.types.Types;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import flyteidl.core.Types.TypeStructure;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Records and POJOs ↔ STRUCT, written the way flytekit writes dataclasses: the literal is
 * {@code scalar.binary{value: msgpack, tag: "msgpack"}}; the type is STRUCT with the JSON schema as
 * metadata, the msgpack cache-key annotation and {@code structure.dataclass_type} (each field's literal
 * type). Reading also accepts the older JSON form ({@code scalar.generic}). No guess: a STRUCT is guessed
 * as {@code Map<String,Object>} by the map transformer, since the original class is unknown.
 */
public final class StructTransformer implements TypeTransformer<Object> {
  @Override
  public String name() {
    return "Object-Dataclass-Transformer";
  }

  @Override
  public boolean handles(Type javaType) {
    return javaType instanceof Class<?> c && StructShape.isStruct(c);
  }

  @Override
  public LiteralType toLiteralType(Type javaType, TypeEngine engine) {
    Class<?> c = (Class<?>) javaType;
    TypeStructure.Builder structure = TypeStructure.newBuilder();
    for (StructShape.Property p : StructShape.of(c).properties()) {
      Type t = p.optional() && Types.rawClass(p.type()) != Optional.class ? Types.optionalOf(p.type()) : p.type();
      structure.putDataclassType(p.name(), engine.toLiteralType(t));
    }
    return LiteralType.newBuilder().setSimple(SimpleType.STRUCT).setMetadata(JsonSchemas.ofStruct(c))
        .setAnnotation(LiteralTypes.MSGPACK_ANNOTATION).setStructure(structure).build();
  }

  @Override
  public Literal toLiteral(FlyteContext ctx, Object value, Type javaType, LiteralType expected, TypeEngine engine) {
    if (!LiteralTypes.isSimple(expected, SimpleType.STRUCT) || !Types.rawClass(javaType).isInstance(value)) {
      throw LiteralTypes.mismatch(expected, javaType, value);
    }
    return Lits.binary(MsgPackWriter.encode(StructTrees.toTree(ctx, value, javaType)), LiteralTypes.MSGPACK_TAG);
  }

  @Override
  public Object toJava(FlyteContext ctx, Literal literal, Type javaType, TypeEngine engine) {
    return StructTrees.fromTree(ctx, MapTransformer.treeOf(literal, javaType), javaType);
  }
}
