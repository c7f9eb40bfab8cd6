package dev.shimkit.types.internal;

import dev.shimkit.types.TypeTransformer;
import java.util.ArrayList;
import java.util.List;

/** The built-in transformers in the order they are asked (after any user transformer). */
public final class Builtins {
  private static final List<TypeTransformer<?>> ALL;

  static {
    List<TypeTransformer<?>> all = new ArrayList<>(PrimitiveTransformers.all());
    all.add(new OptionalTransformer());
    all.add(new ListTransformer());
    all.add(new MapTransformer());
    all.add(new EnumTransformer());
    all.add(BlobTransformer.file());
    all.add(BlobTransformer.directory());
    all.add(new StructuredDatasetTransformer());
    all.add(new StructTransformer());
    ALL = List.copyOf(all);
  }

  private Builtins() {
  }

  public static List<TypeTransformer<?>> all() {
    return ALL;
  }

  public static boolean isBuiltin(TypeTransformer<?> t) {
    return t.getClass().getName().startsWith(Builtins.class.getPackageName() + ".");
  }
}
