package dev.shimkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BackendPathsTest {

  @Test
  void layoutOfAFirstAttempt() {
    BackendPaths p = BackendPaths.of("s3://meta", "abc123", "n0", 0);
    assertThat(p.dataDir()).isEqualTo("s3://meta/abc123/n0/data");
    assertThat(p.inputPath()).isEqualTo("s3://meta/abc123/n0/data/inputs.pb");
    assertThat(p.taskTemplatePath()).isEqualTo("s3://meta/abc123/n0/data/task.pb");
    assertThat(p.outputPrefix()).isEqualTo("s3://meta/abc123/n0/data/0");
    assertThat(p.generatedName()).isEqualTo("abc123-n0-0");
    assertThat(p.rawOutputPrefix()).matches("s3://meta/raw/[a-z0-9]{2}/abc123-n0-0");
    assertThat(p.checkpointPrefix()).isEqualTo(p.rawOutputPrefix() + "/_flytecheckpoints");
    assertThat(p.prevCheckpointPrefix()).isEmpty();
  }

  @Test
  void retriesGetTheirOwnRawPrefixAndSeeThePreviousCheckpoint() {
    BackendPaths first = new BackendPaths("/tmp/run", "/tmp/raw", "abc123", "n0", 0);
    BackendPaths second = first.withAttempt(1);
    assertThat(second.outputPrefix()).isEqualTo("/tmp/run/abc123/n0/data/1");
    assertThat(second.rawOutputPrefix()).isNotEqualTo(first.rawOutputPrefix()).startsWith("/tmp/raw/");
    assertThat(second.prevCheckpointPrefix()).isEqualTo(first.checkpointPrefix());
  }

  @Test
  void shardIsPropellersFnvBase36() {
    // FNV-1a 32 of "a" is 0xe40c292c; 0xe40c292c % 1296 = 268 = 7 * 36 + 16 -> "h", "q"
    assertThat(Integer.toHexString(BackendPaths.fnv1a32("a".getBytes(StandardCharsets.UTF_8)))).isEqualTo("e40c292c");
    assertThat(BackendPaths.shard("a")).isEqualTo("hq");
    assertThat(BackendPaths.shard("")).hasSize(2);
  }

  @Test
  void longNamesAreHashed() {
    String id = "x".repeat(60);
    String hashed = BackendPaths.fixedLengthUniqueId(id, 50);
    assertThat(hashed).matches("f[a-z2-7]{7}");
    assertThat(BackendPaths.fixedLengthUniqueId("short", 50)).isEqualTo("short");
    assertThat(new BackendPaths("r", "raw", "e".repeat(50), "n0", 0).generatedName()).matches("f[a-z2-7]{7}");
  }

  @Test
  void templateParametersCarryThePaths() {
    BackendPaths p = BackendPaths.of("/root", "e1", "n2", 1);
    TemplateParameters t = p.templateParameters().namespace("ns").build();
    assertThat(t.inputPath()).isEqualTo(p.inputPath());
    assertThat(t.inputPrefix()).isEqualTo(p.dataDir());
    assertThat(t.outputPrefix()).isEqualTo(p.outputPrefix());
    assertThat(t.rawOutputDataPrefix()).isEqualTo(p.rawOutputPrefix());
    assertThat(t.checkpointOutputPrefix()).isEqualTo(p.checkpointPrefix());
    assertThat(t.prevCheckpointPrefix()).isEqualTo(p.prevCheckpointPrefix()).isNotEmpty();
    assertThat(new TemplateRenderer(t).render("{{.perRetryUniqueKey}}")).isEqualTo("e1_n2_1");
  }

  @Test
  void negativeAttemptRefused() {
    assertThatThrownBy(() -> BackendPaths.of("r", "e", "n", -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
