package dev.shimkit.workflow;

import flyteidl.core.Literals;
import flyteidl.core.Literals.BindingData;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Types.OutputReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What a node input (or workflow output) is bound to: a promise, a constant scalar, or a list or map of these
 * (flytekit's {@code BindingData}). Node ids are read when serializing, so renaming a node later is seen.
 */
sealed interface BindingValue {

  record Ref(Promise<?> promise) implements BindingValue {
  }

  record Scalar(Literals.Scalar scalar) implements BindingValue {
  }

  record Collection(List<BindingValue> items) implements BindingValue {
  }

  record MapOf(Map<String, BindingValue> entries) implements BindingValue {
  }

  /** A constant literal split the way flytekit binds constants: lists and maps element by element. */
  static BindingValue ofLiteral(Literal literal) {
    if (literal.hasCollection()) {
      List<BindingValue> items = new ArrayList<>();
      literal.getCollection().getLiteralsList().forEach(l -> items.add(ofLiteral(l)));
      return new Collection(items);
    }
    if (literal.hasMap()) {
      Map<String, BindingValue> entries = new LinkedHashMap<>();
      literal.getMap().getLiteralsMap().forEach((k, l) -> entries.put(k, ofLiteral(l)));
      return new MapOf(entries);
    }
    return new Scalar(literal.getScalar());
  }

  /** The IDL form. */
  default BindingData toIdl() {
    if (this instanceof Ref r) {
      return BindingData.newBuilder().setPromise(OutputReference.newBuilder().setNodeId(r.promise().nodeId())
          .setVar(r.promise().var())).build();
    }
    if (this instanceof Scalar s) {
      return BindingData.newBuilder().setScalar(s.scalar()).build();
    }
    if (this instanceof Collection c) {
      Literals.BindingDataCollection.Builder b = Literals.BindingDataCollection.newBuilder();
      c.items().forEach(i -> b.addBindings(i.toIdl()));
      return BindingData.newBuilder().setCollection(b).build();
    }
    MapOf m = (MapOf) this;
    Literals.BindingDataMap.Builder b = Literals.BindingDataMap.newBuilder();
    m.entries().forEach((k, v) -> b.putBindings(k, v.toIdl()));
    return BindingData.newBuilder().setMap(b).build();
  }

  /** The literal this binding stands for once promises are known: {@code lookup(nodeId, var)}. */
  default Literal resolve(BiFunction<String, String, Literal> lookup) {
    if (this instanceof Ref r) {
      return lookup.apply(r.promise().nodeId(), r.promise().var());
    }
    if (this instanceof Scalar s) {
      return Literal.newBuilder().setScalar(s.scalar()).build();
    }
    if (this instanceof Collection c) {
      Literals.LiteralCollection.Builder b = Literals.LiteralCollection.newBuilder();
      c.items().forEach(i -> b.addLiterals(i.resolve(lookup)));
      return Literal.newBuilder().setCollection(b).build();
    }
    MapOf m = (MapOf) this;
    Literals.LiteralMap.Builder b = Literals.LiteralMap.newBuilder();
    m.entries().forEach((k, v) -> b.putLiterals(k, v.resolve(lookup)));
    return Literal.newBuilder().setMap(b).build();
  }

  /** The promises this binding reads, in order. */
  default void collectRefs(List<Promise<?>> out) {
    if (this instanceof Ref r) {
      out.add(r.promise());
    } else if (this instanceof Collection c) {
      c.items().forEach(i -> i.collectRefs(out));
    } else if (this instanceof MapOf m) {
      m.entries().values().forEach(v -> v.collectRefs(out));
    }
  }
}
