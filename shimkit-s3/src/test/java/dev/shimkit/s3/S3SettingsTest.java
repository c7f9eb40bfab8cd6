package dev.shimkit.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteValidationException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3SettingsTest {

  @Test
  void emptyEnvironmentLeavesEverythingToTheSdkDefaults() {
    S3Settings s = S3Settings.fromEnv(Map.of());
    assertThat(s.endpoint()).isNull();
    assertThat(s.region()).isNull();
    assertThat(s.credentials()).isNull();
    assertThat(s.pathStyle()).isFalse();
    assertThat(s.maxAttempts()).isEqualTo(S3Settings.DEFAULT_MAX_ATTEMPTS);
    assertThat(s.partSize()).isEqualTo(S3Settings.DEFAULT_PART_SIZE);
    assertThat(s.multipartThreshold()).isEqualTo(S3Settings.DEFAULT_MULTIPART_THRESHOLD);
  }

  @Test
  void endpointPrecedenceFlyteThenS3SpecificThenGeneral() {
    Map<String, String> all = Map.of(
        "FLYTE_AWS_ENDPOINT", "http://minio.flyte:9000",
        "AWS_ENDPOINT_URL_S3", "http://s3-specific:9000",
        "AWS_ENDPOINT_URL", "http://general:9000");
    assertThat(S3Settings.fromEnv(all).endpoint()).isEqualTo(URI.create("http://minio.flyte:9000"));
    assertThat(S3Settings.fromEnv(Map.of("AWS_ENDPOINT_URL_S3", "http://s3-specific:9000",
        "AWS_ENDPOINT_URL", "http://general:9000")).endpoint()).isEqualTo(URI.create("http://s3-specific:9000"));
    assertThat(S3Settings.fromEnv(Map.of("AWS_ENDPOINT_URL", "https://general.example")).endpoint())
        .isEqualTo(URI.create("https://general.example"));
    assertThat(S3Settings.fromEnv(Map.of("FLYTE_AWS_ENDPOINT", "  ", "AWS_ENDPOINT_URL", "http://g:1")).endpoint())
        .as("blank counts as unset").isEqualTo(URI.create("http://g:1"));
    assertThat(S3Settings.fromEnv(Map.of("AWS_ENDPOINT_URL", "http://g:1",
        "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")).endpoint()).isNull();
  }

  @Test
  void pathStyleFollowsTheEndpointUnlessSetExplicitly() {
    assertThat(S3Settings.fromEnv(Map.of("AWS_ENDPOINT_URL", "http://m:9000")).pathStyle()).isTrue();
    assertThat(S3Settings.fromEnv(Map.of("AWS_ENDPOINT_URL", "http://m:9000", "SHIMKIT_S3_PATH_STYLE", "false"))
        .pathStyle()).isFalse();
    assertThat(S3Settings.fromEnv(Map.of("SHIMKIT_S3_PATH_STYLE", "TRUE")).pathStyle()).isTrue();
    assertThatThrownBy(() -> S3Settings.fromEnv(Map.of("SHIMKIT_S3_PATH_STYLE", "sometimes")))
        .isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("SHIMKIT_S3_PATH_STYLE").hasMessageContaining("true or false");
  }

  @Test
  void regionFromAwsRegionThenDefaultRegion() {
    assertThat(S3Settings.fromEnv(Map.of("AWS_REGION", "eu-west-1", "AWS_DEFAULT_REGION", "us-west-2")).region())
        .isEqualTo("eu-west-1");
    assertThat(S3Settings.fromEnv(Map.of("AWS_DEFAULT_REGION", "us-west-2")).region()).isEqualTo("us-west-2");
  }

  @Test
  void credentialsFlytePairFirstThenAwsPairWithSessionToken() {
    S3Settings flyte = S3Settings.fromEnv(Map.of(
        "FLYTE_AWS_ACCESS_KEY_ID", "minio", "FLYTE_AWS_SECRET_ACCESS_KEY", "miniostorage",
        "AWS_ACCESS_KEY_ID", "aws-id", "AWS_SECRET_ACCESS_KEY", "aws-secret", "AWS_SESSION_TOKEN", "tok"));
    assertThat(flyte.credentials()).isEqualTo(new S3Settings.Credentials("minio", "miniostorage"));

    S3Settings aws = S3Settings.fromEnv(Map.of(
        "AWS_ACCESS_KEY_ID", "aws-id", "AWS_SECRET_ACCESS_KEY", "aws-secret", "AWS_SESSION_TOKEN", "tok"));
    assertThat(aws.credentials()).isEqualTo(new S3Settings.Credentials("aws-id", "aws-secret", "tok"));
  }

  @Test
  void halfACredentialPairIsAnErrorThatNamesTheMissingVariableOnly() {
    assertThatThrownBy(() -> S3Settings.fromEnv(Map.of("AWS_SECRET_ACCESS_KEY", "leaky-secret-value")))
        .isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("AWS_ACCESS_KEY_ID is not")
        .message().doesNotContain("leaky-secret-value");
    assertThatThrownBy(() -> S3Settings.fromEnv(Map.of("FLYTE_AWS_ACCESS_KEY_ID", "id")))
        .isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("FLYTE_AWS_SECRET_ACCESS_KEY is not");
  }

  @Test
  void maxAttemptsFromTheStandardAwsVariable() {
    assertThat(S3Settings.fromEnv(Map.of("AWS_MAX_ATTEMPTS", "9")).maxAttempts()).isEqualTo(9);
    assertThatThrownBy(() -> S3Settings.fromEnv(Map.of("AWS_MAX_ATTEMPTS", "many")))
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("AWS_MAX_ATTEMPTS='many'");
    assertThatThrownBy(() -> S3Settings.fromEnv(Map.of("AWS_MAX_ATTEMPTS", "0")))
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("at least 1");
  }

  @Test
  void badEndpointsAreExplained() {
    assertThatThrownBy(() -> S3Settings.fromEnv(Map.of("FLYTE_AWS_ENDPOINT", "minio:9000")))
        .isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("FLYTE_AWS_ENDPOINT='minio:9000'").hasMessageContaining("http://minio:9000");
    assertThatThrownBy(() -> S3Settings.fromEnv(Map.of("AWS_ENDPOINT_URL", "http://has space")))
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("AWS_ENDPOINT_URL");
    assertThatThrownBy(() -> S3Settings.fromEnv(Map.of("AWS_ENDPOINT_URL", "http://user:pa55word@minio:9000")))
        .isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("AWS_ENDPOINT_URL must not carry user info")
        .message().doesNotContain("pa55word");
  }

  @Test
  void partSizeBelowTheS3MinimumIsRefused() {
    assertThatThrownBy(() -> S3Settings.builder().partSize(1024).build())
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("5242880");
  }

  @Test
  void toStringNeverShowsSecrets() {
    S3Settings s = S3Settings.fromEnv(Map.of(
        "AWS_ACCESS_KEY_ID", "AKIDVISIBLE", "AWS_SECRET_ACCESS_KEY", "s3cr3t-hidden", "AWS_SESSION_TOKEN", "t0ken-hidden"));
    assertThat(s.toString()).contains("AKIDVISIBLE").doesNotContain("s3cr3t-hidden").doesNotContain("t0ken-hidden");
  }

  @Test
  void toBuilderKeepsEverything() {
    S3Settings s = S3Settings.fromEnv(Map.of("AWS_ENDPOINT_URL", "http://m:9000", "SHIMKIT_S3_PATH_STYLE", "false",
        "AWS_REGION", "eu-west-1", "AWS_MAX_ATTEMPTS", "7"));
    assertThat(s.toBuilder().build()).isEqualTo(s);
  }
}
