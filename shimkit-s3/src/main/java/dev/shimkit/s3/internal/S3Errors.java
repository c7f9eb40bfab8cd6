package dev.shimkit.s3.internal;

import dev.shimkit.errors.FlyteDataException;
import dev.shimkit.s3.S3Settings;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * Turns SDK failures into {@link FlyteDataException}s that name the URI and say what to check. A missing
 * object is {@code notFound}; a refusal (403) is not recoverable; everything else (I/O, 5xx once the SDK's
 * retries are spent) is a recoverable download/upload error. Messages are scrubbed of the secret key and the
 * session token, whatever the SDK put in them.
 */
final class S3Errors {
  private final S3Settings settings;

  S3Errors(S3Settings settings) {
    this.settings = settings;
  }

  static boolean isNotFound(Throwable e) {
    return e instanceof AwsServiceException ase && ase.statusCode() == 404;
  }

  static boolean isMissingBucket(Throwable e) {
    return e instanceof NoSuchBucketException
        || (e instanceof AwsServiceException ase && ase.awsErrorDetails() != null
            && "NoSuchBucket".equals(ase.awsErrorDetails().errorCode()));
  }

  FlyteDataException download(String uri, Exception e) {
    if (isNotFound(e)) {
      return FlyteDataException.notFound(uri);
    }
    return translate(FlyteDataException.DOWNLOAD_CODE, "Failed to download " + uri, e);
  }

  FlyteDataException upload(String uri, Exception e) {
    if (isMissingBucket(e)) {
      return new FlyteDataException(FlyteDataException.UPLOAD_CODE, scrub("Cannot upload to " + uri
          + ": the bucket does not exist (create it, or fix the raw output / output prefix)"), e, false);
    }
    return translate(FlyteDataException.UPLOAD_CODE, "Failed to upload to " + uri, e);
  }

  private FlyteDataException translate(String code, String what, Exception e) {
    if (e instanceof AwsServiceException ase && (ase.statusCode() == 403 || ase.statusCode() == 401)) {
      String awsCode = ase.awsErrorDetails() == null ? "" : " (" + ase.awsErrorDetails().errorCode() + ")";
      return new FlyteDataException(code, scrub(what + ": access denied" + awsCode + ". Check the credentials "
          + "(AWS_ACCESS_KEY_ID / FLYTE_AWS_ACCESS_KEY_ID, profile or role) and that they may use this bucket"),
          e, false);
    }
    return new FlyteDataException(code, scrub(what + ": " + e.getClass().getSimpleName() + ": " + e.getMessage()),
        e, true);
  }

  private String scrub(String message) {
    S3Settings.Credentials c = settings.credentials();
    String out = message;
    if (c != null) {
      out = out.replace(c.secretAccessKey(), "***");
      if (c.sessionToken() != null) {
        out = out.replace(c.sessionToken(), "***");
      }
    }
    return out;
  }
}
