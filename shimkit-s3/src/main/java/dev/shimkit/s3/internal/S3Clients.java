package dev.shimkit.s3.internal;

import dev.shimkit.s3.S3Settings;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the synchronous S3 client for {@link S3Settings}: one lean HTTP client, explicit retries. */
public final class S3Clients {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);
  static final Duration BACKOFF_BASE = Duration.ofMillis(100);
  static final Duration BACKOFF_MAX = Duration.ofSeconds(20);

  private S3Clients() {}

  public static S3Client create(S3Settings settings) {
    S3ClientBuilder b = S3Client.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder()
            .connectionTimeout(CONNECT_TIMEOUT)
            .socketTimeout(SOCKET_TIMEOUT))
        .credentialsProvider(credentials(settings))
        .forcePathStyle(settings.pathStyle())
        .overrideConfiguration(o -> o.retryStrategy(retryStrategy(settings.maxAttempts())));
    Region region = settings.region() != null ? Region.of(settings.region()) : profileRegion();
    if (region == null) {
      // S3 answers from us-east-1 and redirects to a bucket's real region when cross-region access is on
      b.region(Region.US_EAST_1).crossRegionAccessEnabled(true);
    } else {
      b.region(region);
    }
    if (settings.endpoint() != null) {
      // S3-compatible stores vary in their support of the newer flexible checksums (aws-chunked trailers):
      // send and check them only where the API requires them
      b.endpointOverride(settings.endpoint())
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    return b.build();
  }

  /** The standard AWS policy (retries throttling, 5xx and I/O errors) with our attempt count and backoff. */
  static RetryStrategy retryStrategy(int maxAttempts) {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(maxAttempts)
        .backoffStrategy(BackoffStrategy.exponentialDelay(BACKOFF_BASE, BACKOFF_MAX))
        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(BACKOFF_BASE.multipliedBy(5), BACKOFF_MAX))
        .circuitBreakerEnabled(false)
        .build();
  }

  private static AwsCredentialsProvider credentials(S3Settings settings) {
    S3Settings.Credentials c = settings.credentials();
    if (c == null) {
      return DefaultCredentialsProvider.builder().build();
    }
    return StaticCredentialsProvider.create(c.sessionToken() == null
        ? AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())
        : AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
  }

  private static Region profileRegion() {
    try {
      return new AwsProfileRegionProvider().getRegion();
    } catch (RuntimeException noProfileRegion) {
      return null;
    }
  }
}
