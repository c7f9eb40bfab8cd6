package dev.shimkit.errors;

/**
 * Reading or writing data in storage failed. Recoverable: the store may be back on the next attempt.
 * {@link #notFound} is the exception for a missing object, which names the URI and is not retried.
 */
public class FlyteDataException extends FlyteSystemException {
  public static final String DOWNLOAD_CODE = "SYSTEM:DownloadDataError";
  public static final String UPLOAD_CODE = "SYSTEM:UploadDataError";
  public static final String NOT_FOUND_CODE = "SYSTEM:DataNotFound";

  public FlyteDataException(String errorCode, String message, Throwable cause, boolean recoverable) {
    super(errorCode, message, cause, recoverable);
  }

  public static FlyteDataException download(String uri, Throwable cause) {
    return new FlyteDataException(DOWNLOAD_CODE, "Failed to download " + uri + ": " + describe(cause), cause, true);
  }

  public static FlyteDataException upload(String uri, Throwable cause) {
    return new FlyteDataException(UPLOAD_CODE, "Failed to upload to " + uri + ": " + describe(cause), cause, true);
  }

  public static FlyteDataException notFound(String uri) {
    return new FlyteDataException(NOT_FOUND_CODE, "Not found: " + uri
        + " (check that the path or object key exists and that the credentials can read it)", null, false);
  }

  private static String describe(Throwable cause) {
    return cause == null ? "unknown cause" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }

  /** Whether this error says the object does not exist. */
  public boolean isNotFound() {
    return NOT_FOUND_CODE.equals(errorCode());
  }
}
