package dev.shimkit.types;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.errors.FlyteException;
import dev.shimkit.errors.FlyteTypeException;
import dev.shimkit.types.internal.Builtins;
import dev.shimkit.types.internal.LiteralMapBytes;
import dev.shimkit.types.internal.LiteralTypes;
import dev.shimkit.types.internal.Lits;
import dev.shimkit.types.internal.NaturalTypes;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Converts between Java values and Flyte literals, byte-compatible with flytekit's {@code TypeEngine}.
 * Transformers found through {@link ServiceLoader} come first (higher {@link TypeTransformer#priority()}
 * first), then the built-ins (see {@code package-info}). The engine itself handles what is common to all
 * types: literals passed through as they are, {@code null} and union (optional) expected types, and values
 * declared as {@code Object} or as a raw {@code List}/{@code Map}, which are converted by their runtime class
 * and the expected literal type.
 *
 * <p>Errors are {@link FlyteTypeException}s saying what was expected and what was found; the overloads that
 * take a variable name (and the map conversions) start the message with it, e.g.
 * {@code input 'limit': expected INTEGER (java long), got java.lang.String "abc"}.
 */
public final class TypeEngine {
  private static final TypeEngine DEFAULT = new TypeEngine(loadUserTransformers());

  private final List<TypeTransformer<?>> transformers;
  private final Map<Type, TypeTransformer<?>> byType = new ConcurrentHashMap<>();
  private final Map<Type, LiteralType> literalTypes = new ConcurrentHashMap<>();

  private TypeEngine(List<TypeTransformer<?>> user) {
    List<TypeTransformer<?>> all = new ArrayList<>(user);
    all.sort(Comparator.comparingInt((TypeTransformer<?> t) -> t.priority()).reversed());
    all.addAll(Builtins.all());
    this.transformers = List.copyOf(all);
  }

  /** The engine with the built-in transformers and those found through ServiceLoader. */
  public static TypeEngine get() {
    return DEFAULT;
  }

  /** An engine with {@code user} transformers (asked first, by priority) and the built-ins; no ServiceLoader. */
  public static TypeEngine withTransformers(List<? extends TypeTransformer<?>> user) {
    return new TypeEngine(new ArrayList<>(user));
  }

  private static List<TypeTransformer<?>> loadUserTransformers() {
    List<TypeTransformer<?>> out = new ArrayList<>();
    for (TypeTransformer<?> t : ServiceLoader.load(TypeTransformer.class, TypeEngine.class.getClassLoader())) {
      out.add(t);
    }
    return out;
  }

  /** The transformer for {@code javaType}: the first that {@link TypeTransformer#handles handles} it. */
  @SuppressWarnings("unchecked")
  public <T> TypeTransformer<T> transformerFor(Type javaType) {
    TypeTransformer<?> found = byType.get(javaType);
    if (found == null) {
      for (TypeTransformer<?> t : transformers) {
        if (t.handles(javaType)) {
          found = t;
          break;
        }
      }
      if (found == null) {
        throw new FlyteTypeException("No type transformer for java " + javaType.getTypeName() + ": use a supported "
            + "type (long, double, String, boolean, Instant, Duration, List<T>, Map<String,T>, Optional<T>, enum, "
            + "record, FlyteFile, FlyteDirectory, StructuredDataset) or register a TypeTransformer");
      }
      byType.putIfAbsent(javaType, found);
    }
    return (TypeTransformer<T>) found;
  }

  /** The literal type a Java type declares. */
  public LiteralType toLiteralType(Type javaType) {
    LiteralType lt = literalTypes.get(javaType);
    if (lt == null) {
      if (javaType == Object.class) {
        throw new FlyteTypeException("No Flyte literal type for java java.lang.Object: declare a concrete type");
      }
      lt = transformerFor(javaType).toLiteralType(javaType, this);
      literalTypes.putIfAbsent(javaType, lt);
    }
    return lt;
  }

  /** {@code value} (of {@code javaType}) as a literal of {@code expected}; null {@code expected} = derive. */
  public Literal toLiteral(FlyteContext ctx, Object value, Type javaType, LiteralType expected) {
    if (value instanceof Literal l) {
      return l;
    }
    if (value instanceof LiteralMap m) {
      return Literal.newBuilder().setMap(m).build();
    }
    if (expected != null && expected.hasUnionType() && !declaresUnion(javaType)) {
      return toUnionLiteral(ctx, value instanceof Optional<?> o ? o.orElse(null) : value,
          value instanceof Optional<?> ? Types.argument(javaType, 0) : javaType, expected);
    }
    if (value == null) {
      if (Types.rawClass(javaType) == Optional.class) {
        return toLiteral(ctx, Optional.empty(), javaType, expected);
      }
      if (expected == null ? Types.rawClass(javaType) == Void.class : LiteralTypes.isNone(expected)) {
        return Lits.none();
      }
      LiteralType wanted = expected;
      if (wanted == null) {
        try {
          wanted = toLiteralType(javaType);
        } catch (RuntimeException e) {
          // no declared type to name
        }
      }
      throw new FlyteTypeException("expected " + (wanted == null ? "a value" : LiteralTypes.describe(wanted))
          + " (java " + javaType.getTypeName() + "), got null; declare it Optional<...> to allow no value");
    }
    Type concrete = NaturalTypes.concrete(this, javaType, value, expected);
    TypeTransformer<Object> t = transformerFor(concrete);
    return t.toLiteral(ctx, value, concrete, expected != null ? expected : toLiteralType(concrete), this);
  }

  /** Like {@link #toLiteral(FlyteContext, Object, Type, LiteralType)}; errors start with {@code variable}. */
  public Literal toLiteral(FlyteContext ctx, String variable, Object value, Type javaType, LiteralType expected) {
    try {
      return toLiteral(ctx, value, javaType, expected);
    } catch (RuntimeException e) {
      throw named(variable, e);
    }
  }

  /**
   * {@code value} as one variant of the union {@code expected}: NONE for null, else the first variant that
   * takes it (variants of the value's own kind are tried first). The literal records the chosen variant.
   */
  public Literal toUnionLiteral(FlyteContext ctx, Object value, Type javaType, LiteralType expected) {
    List<LiteralType> variants = expected.getUnionType().getVariantsList();
    if (value == null) {
      for (LiteralType v : variants) {
        if (LiteralTypes.isNone(v)) {
          return Lits.union(Lits.none(), v);
        }
      }
      throw new FlyteTypeException("expected " + LiteralTypes.describe(expected) + " (java " + javaType.getTypeName()
          + "), got null: the union has no NONE variant");
    }
    LiteralType own = null;
    try {
      own = toLiteralType(NaturalTypes.concrete(this, javaType, value, null));
    } catch (RuntimeException e) {
      // the value's own type is unknown; try every variant
    }
    List<LiteralType> ordered = new ArrayList<>(variants.size());
    for (LiteralType v : variants) {
      if (own != null && NaturalTypes.exactKind(own, v)) {
        ordered.add(0, v);
      } else if (!LiteralTypes.isNone(v)) {
        ordered.add(v);
      }
    }
    FlyteTypeException first = null;
    for (LiteralType v : ordered) {
      try {
        return Lits.union(toLiteral(ctx, value, javaType, v), v);
      } catch (FlyteTypeException e) {
        first = first == null ? e : first;
      }
    }
    throw new FlyteTypeException("expected " + LiteralTypes.describe(expected) + " (java " + javaType.getTypeName()
        + "), got " + dev.shimkit.types.internal.Values.describe(value) + ": no variant takes it"
        + (first == null ? "" : " (" + first.getMessage() + ")"), first);
  }

  /** {@code literal} as a Java value of {@code javaType}. */
  @SuppressWarnings("unchecked")
  public <T> T toJava(FlyteContext ctx, Literal literal, Type javaType) {
    Class<?> raw = Types.rawClass(javaType);
    if (raw == Literal.class) {
      return (T) literal;
    }
    if (raw == LiteralMap.class) {
      if (!literal.hasMap()) {
        throw LiteralTypes.badLiteral("a map", javaType, literal);
      }
      return (T) literal.getMap();
    }
    Literal l = literal;
    if (!declaresUnion(javaType)) {
      while (Lits.isUnion(l)) {
        l = l.getScalar().getUnion().getValue();
      }
    }
    Type target = javaType == Object.class ? NaturalTypes.of(l) : javaType;
    if (Lits.isNone(l) && raw != Optional.class) {
      if (raw.isPrimitive()) {
        throw LiteralTypes.badLiteral("a value", javaType, l);
      }
      return null;
    }
    return (T) transformerFor(target).toJava(ctx, l, target, this);
  }

  /** Like {@link #toJava(FlyteContext, Literal, Type)}; errors start with {@code variable}. */
  public <T> T toJava(FlyteContext ctx, String variable, Literal literal, Type javaType) {
    try {
      return toJava(ctx, literal, javaType);
    } catch (RuntimeException e) {
      throw named(variable, e);
    }
  }

  /** The Java type to use for a literal type known only from a template (see package docs for the table). */
  public Type guessJavaType(LiteralType literalType) {
    for (TypeTransformer<?> t : transformers) {
      Optional<Type> guess = t.guessJavaType(literalType, this);
      if (guess.isPresent()) {
        return guess.get();
      }
    }
    throw new FlyteTypeException("No Java type for Flyte literal type " + LiteralTypes.describe(literalType) + ": "
        + com.google.protobuf.TextFormat.shortDebugString(literalType)
        + " (no transformer reverses it; register a TypeTransformer that does)");
  }

  /** The guessed Java type of each variable of an interface, in its order. */
  public Map<String, Type> guessJavaTypes(Map<String, Variable> variables) {
    Map<String, Type> out = new LinkedHashMap<>();
    variables.forEach((k, v) -> {
      try {
        out.put(k, guessJavaType(v.getType()));
      } catch (RuntimeException e) {
        throw named("variable '" + k + "'", e);
      }
    });
    return out;
  }

  /** Each named value as a literal of its declared type (errors name the variable). */
  public LiteralMap toLiteralMap(FlyteContext ctx, Map<String, ?> values, Map<String, Type> javaTypes,
      Map<String, LiteralType> literalTypes) {
    return toLiteralMap(ctx, "variable", values, javaTypes, literalTypes);
  }

  /**
   * Each named value as a literal; {@code kind} ("input", "output") starts error messages. A value with no
   * Java type is converted by its runtime class; with {@code literalTypes} given, a name it lacks is an error.
   */
  public LiteralMap toLiteralMap(FlyteContext ctx, String kind, Map<String, ?> values, Map<String, Type> javaTypes,
      Map<String, LiteralType> literalTypes) {
    LiteralMap.Builder out = LiteralMap.newBuilder();
    for (Map.Entry<String, ?> e : values.entrySet()) {
      String name = kind + " '" + e.getKey() + "'";
      LiteralType expected = LiteralTypes.declared(name, e.getKey(), literalTypes);
      Type t = javaTypes == null ? null : javaTypes.get(e.getKey());
      out.putLiterals(e.getKey(), toLiteral(ctx, name, e.getValue(), t == null ? Object.class : t, expected));
    }
    return out.build();
  }

  /**
   * What {@code toLiteralMap(ctx, kind, values, javaTypes, literalTypes).toByteArray()} gives, byte for byte,
   * without a protobuf message per element for lists of Long, Integer, Double, Boolean and String: what the
   * entrypoint writes as outputs.
   */
  public byte[] toLiteralMapBytes(FlyteContext ctx, String kind, Map<String, ?> values, Map<String, Type> javaTypes,
      Map<String, LiteralType> literalTypes) {
    return LiteralMapBytes.write(this, ctx, kind, values, javaTypes, literalTypes);
  }

  /**
   * The Java values of a serialized {@code LiteralMap}: what {@code toJavaMap(ctx, kind, LiteralMap.parseFrom(bytes),
   * javaTypes)} gives, lists of Long, Integer, Double, Boolean and String read straight from the bytes.
   *
   * @throws FlyteTypeException when the bytes are not a {@code LiteralMap}
   */
  public Map<String, Object> toJavaMap(FlyteContext ctx, String kind, byte[] literalMapBytes,
      Map<String, Type> javaTypes) {
    try {
      Map<String, Object> out = LiteralMapBytes.read(this, ctx, kind, literalMapBytes, javaTypes);
      if (out == null) {
        return toJavaMap(ctx, kind, LiteralMap.parseFrom(literalMapBytes), javaTypes);
      }
      addMissing(kind, out, javaTypes);
      return out;
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new FlyteTypeException(kind + "s: the bytes are not a serialized LiteralMap: " + e.getMessage(), e);
    }
  }

  /** Each literal as a Java value of the named type (errors name the variable). */
  public Map<String, Object> toJavaMap(FlyteContext ctx, LiteralMap literals, Map<String, Type> javaTypes) {
    return toJavaMap(ctx, "variable", literals, javaTypes);
  }

  /**
   * Each literal as a Java value of the named type ({@code Object}, read by the literal's shape, when none is
   * named). A name in {@code javaTypes} missing from the literals is an error unless its type is Optional.
   */
  public Map<String, Object> toJavaMap(FlyteContext ctx, String kind, LiteralMap literals,
      Map<String, Type> javaTypes) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Literal> e : literals.getLiteralsMap().entrySet()) {
      Type t = javaTypes == null ? null : javaTypes.get(e.getKey());
      out.put(e.getKey(), toJava(ctx, kind + " '" + e.getKey() + "'", e.getValue(), t == null ? Object.class : t));
    }
    addMissing(kind, out, javaTypes);
    return out;
  }

  /** Names in {@code javaTypes} missing from {@code out}: Optional.empty(), or an error for other types. */
  private static void addMissing(String kind, Map<String, Object> out, Map<String, Type> javaTypes) {
    if (javaTypes == null) {
      return;
    }
    List<String> present = List.copyOf(out.keySet());
    for (Map.Entry<String, Type> e : javaTypes.entrySet()) {
      if (!out.containsKey(e.getKey())) {
        if (Types.rawClass(e.getValue()) != Optional.class) {
          throw new FlyteTypeException(kind + " '" + e.getKey() + "': missing; the literal map has " + present);
        }
        out.put(e.getKey(), Optional.empty());
      }
    }
  }

  /**
   * A converter for many values of one declared type (e.g. the elements of a list): the transformer is
   * resolved once. Nulls, literals and unions still take the general path.
   */
  public Converter converterFor(Type javaType, LiteralType expected) {
    boolean specific = javaType != Object.class && !(javaType instanceof Class<?> c && c.getTypeParameters().length > 0)
        && !declaresUnion(javaType) && (expected == null || !expected.hasUnionType());
    if (!specific) {
      return new Converter(this, javaType, expected, null, null);
    }
    TypeTransformer<Object> t = transformerFor(javaType);
    return new Converter(this, javaType, expected, t, expected != null ? expected : toLiteralType(javaType));
  }

  /** Converts many values of one declared type; made by {@link #converterFor}. */
  public static final class Converter {
    private final TypeEngine engine;
    private final Type javaType;
    private final LiteralType expected;
    private final TypeTransformer<Object> transformer;
    private final LiteralType resolved;

    private Converter(TypeEngine engine, Type javaType, LiteralType expected, TypeTransformer<Object> transformer,
        LiteralType resolved) {
      this.engine = engine;
      this.javaType = javaType;
      this.expected = expected;
      this.transformer = transformer;
      this.resolved = resolved;
    }

    public Literal toLiteral(FlyteContext ctx, Object value) {
      if (transformer == null || value == null || value instanceof Literal || value instanceof LiteralMap) {
        return engine.toLiteral(ctx, value, javaType, expected);
      }
      return transformer.toLiteral(ctx, value, javaType, resolved, engine);
    }

    public Object toJava(FlyteContext ctx, Literal literal) {
      if (transformer == null || !literal.hasScalar() || literal.getScalar().hasUnion()
          || literal.getScalar().hasNoneType()) {
        return engine.toJava(ctx, literal, javaType);
      }
      return transformer.toJava(ctx, literal, javaType, this.engine);
    }
  }

  private boolean declaresUnion(Type javaType) {
    if (Types.rawClass(javaType) == Optional.class) {
      return true;
    }
    if (javaType == Object.class) {
      return false;
    }
    TypeTransformer<?> t = transformerForOrNull(javaType);
    if (t == null || Builtins.isBuiltin(t)) {
      return false;
    }
    try {
      return toLiteralType(javaType).hasUnionType();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private TypeTransformer<?> transformerForOrNull(Type javaType) {
    try {
      return transformerFor(javaType);
    } catch (FlyteTypeException e) {
      return null;
    }
  }

  private static RuntimeException named(String variable, RuntimeException e) {
    if (e instanceof FlyteTypeException) {
      return new FlyteTypeException(variable + ": " + e.getMessage(), e);
    }
    if (e instanceof FlyteException) {
      return e;
    }
    return new FlyteTypeException(variable + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
  }
}
