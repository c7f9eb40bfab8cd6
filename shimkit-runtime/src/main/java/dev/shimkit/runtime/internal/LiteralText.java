package dev.shimkit.runtime.internal;

import dev.shimkit.errors.FlyteValidationException;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import java.util.StringJoiner;

/**
 * The text Flyte's backend substitutes for {@code {{.Inputs.x}}} (flyteplugins {@code template.go},
 * {@code serializeLiteral}): integers, booleans and floats as Go's {@code %v}, datetimes as RFC 3339 with
 * nanoseconds, durations as Go's protobuf text of the message, strings raw, blobs and schemas as their URI,
 * msgpack binaries as {@code %v} of the decoded value, collections as {@code [a,b,...]}. Everything else
 * (maps, unions, none, structured datasets, ...) is an error there, and so here.
 */
public final class LiteralText {
  private LiteralText() {}

  /** The substituted text of {@code literal}; {@code name} is only for messages. */
  public static String of(String name, Literal literal) {
    switch (literal.getValueCase()) {
      case COLLECTION: {
        StringJoiner out = new StringJoiner(",", "[", "]");
        for (Literal item : literal.getCollection().getLiteralsList()) {
          out.add(of(name, item));
        }
        return out.toString();
      }
      case SCALAR:
        return scalar(name, literal.getScalar());
      default:
        throw unsupported(name, "a " + describe(literal.getValueCase().name()) + " literal");
    }
  }

  private static String scalar(String name, Scalar scalar) {
    switch (scalar.getValueCase()) {
      case PRIMITIVE:
        return primitive(name, scalar.getPrimitive());
      case BLOB:
        return scalar.getBlob().getUri();
      case SCHEMA:
        return scalar.getSchema().getUri();
      case BINARY:
        if (!scalar.getBinary().getTag().equals("msgpack")) {
          throw unsupported(name, "a binary literal with tag '" + scalar.getBinary().getTag()
              + "' (only 'msgpack' can be rendered)");
        }
        return GoMsgpack.format(scalar.getBinary().getValue().toByteArray());
      default:
        throw unsupported(name, "a " + describe(scalar.getValueCase().name()) + " scalar");
    }
  }

  private static String primitive(String name, Primitive p) {
    switch (p.getValueCase()) {
      case INTEGER:
        return Long.toString(p.getInteger());
      case BOOLEAN:
        return Boolean.toString(p.getBoolean());
      case FLOAT_VALUE:
        return GoFormat.formatFloat64(p.getFloatValue());
      case STRING_VALUE:
        return p.getStringValue();
      case DATETIME:
        return GoFormat.timestampString(p.getDatetime());
      case DURATION:
        return GoFormat.durationString(p.getDuration());
      default:
        throw unsupported(name, "an empty primitive");
    }
  }

  private static String describe(String enumName) {
    return enumName.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  private static FlyteValidationException unsupported(String name, String what) {
    return new FlyteValidationException("Input '" + name + "' is " + what + ", which Flyte's backend cannot "
        + "put into a command line ({{.Inputs." + name + "}}): only primitives, blobs, schemas, msgpack binaries "
        + "and lists of these can be. Read the input from the inputs file instead.");
  }
}
