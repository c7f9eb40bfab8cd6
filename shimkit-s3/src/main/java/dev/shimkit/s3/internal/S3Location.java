package dev.shimkit.s3.internal;

import dev.shimkit.errors.FlyteValidationException;

/**
 * A parsed {@code s3://bucket/key} URI. The key is taken literally (no percent-decoding), as flytekit writes
 * it: {@code s3://b/a b/ü.txt} is key {@code a b/ü.txt}.
 *
 * @param bucket the bucket name, never empty
 * @param key the object key or prefix, possibly empty (the whole bucket)
 */
public record S3Location(String bucket, String key) {

  public static S3Location parse(String uri) {
    if (!uri.regionMatches(true, 0, "s3://", 0, 5)) {
      throw new FlyteValidationException("'" + uri + "' is not an s3:// URI; write s3://bucket/key");
    }
    String rest = uri.substring(5);
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : rest.substring(slash + 1);
    if (bucket.isEmpty()) {
      throw new FlyteValidationException("'" + uri + "' names no bucket; write s3://bucket/key");
    }
    return new S3Location(bucket, key);
  }

  /** The key as a prefix that matches only what lies "inside" it: empty, or ending in {@code /}. */
  public String directoryPrefix() {
    return key.isEmpty() || key.endsWith("/") ? key : key + "/";
  }

  /** The key of {@code relative} (slash-separated) under this location taken as a directory. */
  public String child(String relative) {
    return directoryPrefix() + relative;
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key;
  }
}
