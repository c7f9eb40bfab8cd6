package dev.shimkit.types.internal;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.errors.FlyteTypeException;
import dev.shimkit.storage.FileAccessProvider;
import dev.shimkit.types.FlyteDirectory;
import dev.shimkit.types.FlyteFile;
import dev.shimkit.types.TypeEngine;
import dev.shimkit.types.TypeTransformer;
import dev.shimkit.types.Types;
import flyteidl.core.Literals.Blob;
import flyteidl.core.Literals.BlobMetadata;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Types.BlobType;
import flyteidl.core.Types.BlobType.BlobDimensionality;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@link FlyteFile} ↔ blob SINGLE and {@link FlyteDirectory} ↔ blob MULTIPART, format {@code ""} as
 * flytekit declares a plain {@code FlyteFile}. Writing: a local path is uploaded to a fresh location under
 * the raw output prefix ({@code getRandomRemotePath(fileName)}); a remote URI, or the URI an input came
 * from, is passed through. Reading: the URI becomes a value fetched lazily through the context's file
 * access. Guess: blob SINGLE → FlyteFile, MULTIPART → FlyteDirectory.
 */
public final class BlobTransformer implements TypeTransformer<Object> {
  private final boolean multipart;
  private final Class<?> type;
  private final LiteralType literalType;

  private BlobTransformer(boolean multipart) {
    this.multipart = multipart;
    this.type = multipart ? FlyteDirectory.class : FlyteFile.class;
    this.literalType = LiteralType.newBuilder().setBlob(BlobType.newBuilder().setFormat("")
        .setDimensionality(multipart ? BlobDimensionality.MULTIPART : BlobDimensionality.SINGLE)).build();
  }

  public static BlobTransformer file() {
    return new BlobTransformer(false);
  }

  public static BlobTransformer directory() {
    return new BlobTransformer(true);
  }

  @Override
  public String name() {
    return multipart ? "FlyteDirectory" : "FlyteFilePath";
  }

  @Override
  public boolean handles(Type javaType) {
    return Types.rawClass(javaType) == type;
  }

  @Override
  public LiteralType toLiteralType(Type javaType, TypeEngine engine) {
    return literalType;
  }

  @Override
  public Literal toLiteral(FlyteContext ctx, Object value, Type javaType, LiteralType expected, TypeEngine engine) {
    if (!type.isInstance(value) || !expected.hasBlob()
        || expected.getBlob().getDimensionality() != literalType.getBlob().getDimensionality()) {
      throw LiteralTypes.mismatch(expected, javaType, value);
    }
    String uri = value instanceof FlyteFile f ? uriFor(ctx, f.path(), f.remoteSource().orElse(null), false)
        : uriFor(ctx, ((FlyteDirectory) value).path(), ((FlyteDirectory) value).remoteSource().orElse(null), true);
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setBlob(Blob.newBuilder()
        .setMetadata(BlobMetadata.newBuilder().setType(expected.getBlob())).setUri(uri))).build();
  }

  @Override
  public Object toJava(FlyteContext ctx, Literal literal, Type javaType, TypeEngine engine) {
    if (!literal.hasScalar() || !literal.getScalar().hasBlob()) {
      throw LiteralTypes.badLiteral("a blob", javaType, literal);
    }
    Blob blob = literal.getScalar().getBlob();
    boolean isMultipart = blob.getMetadata().getType().getDimensionality() == BlobDimensionality.MULTIPART;
    if (isMultipart != multipart) {
      throw LiteralTypes.badLiteral(multipart ? "a MULTIPART blob" : "a SINGLE blob", javaType, literal);
    }
    return multipart ? FlyteDirectory.fromRemote(blob.getUri(), ctx.fileAccess())
        : FlyteFile.fromRemote(blob.getUri(), ctx.fileAccess());
  }

  @Override
  public Optional<Type> guessJavaType(LiteralType lt, TypeEngine engine) {
    if (lt.hasBlob() && (lt.getBlob().getDimensionality() == BlobDimensionality.MULTIPART) == multipart) {
      return Optional.of(type);
    }
    return Optional.empty();
  }

  /** Where a file or directory lives for a literal: its source or remote URI, else its upload location. */
  static String uriFor(FlyteContext ctx, String path, String remoteSource, boolean multipart) {
    if (remoteSource != null && remoteSource.equals(path)) {
      return remoteSource;
    }
    if (FileAccessProvider.isRemote(path)) {
      return path;
    }
    Path local = RemoteData.toLocal(path);
    if (multipart ? !Files.isDirectory(local) : !Files.isRegularFile(local)) {
      throw new FlyteTypeException((multipart ? "directory " : "file ") + local + " does not exist"
          + (multipart ? " or is not a directory" : " or is not a regular file"));
    }
    FileAccessProvider fa = ctx.fileAccess();
    String remote = multipart ? fa.getRandomRemoteDirectory()
        : fa.getRandomRemotePath(local.getFileName().toString());
    return fa.putData(local, remote, multipart);
  }
}
