package dev.shimkit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "-", value = {
      "ghcr.io/acme/app:v1, ghcr.io/acme/app, v1, -",
      "localhost:5000/img:v1, localhost:5000/img, v1, -",
      "localhost:5000/img, localhost:5000/img, -, -",
      "localhost:5000/a/b/img:1.2.3, localhost:5000/a/b/img, 1.2.3, -",
      "repo@sha256:abc123, repo, -, sha256:abc123",
      "localhost:5000/img@sha256:ff00, localhost:5000/img, -, sha256:ff00",
      "ubuntu, ubuntu, -, -",
      "ubuntu:22.04, ubuntu, 22.04, -",
      "cr.flyte.org/flyteorg/flytekit:py3.11-1.15.4, cr.flyte.org/flyteorg/flytekit, py3.11-1.15.4, -"})
  void parsesLikeFlytekit(String identifier, String fqn, String tag, String digest) {
    Image img = Image.lookUpImageInfo("x", identifier, true);
    assertThat(img).isEqualTo(new Image("x", fqn, tag, digest));
  }

  @Test
  void fullAndVersion() {
    Image tagged = Image.lookUpImageInfo("default", "localhost:5000/img:v1", false);
    assertThat(tagged.full()).isEqualTo("localhost:5000/img:v1");
    assertThat(tagged.version()).isEqualTo("v1");
    Image digested = Image.lookUpImageInfo("default", "repo@sha256:abc", false);
    assertThat(digested.full()).isEqualTo("repo@sha256:abc");
    assertThat(digested.version()).isEqualTo("sha256:abc");
    Image bare = new Image("n", "repo", null, null);
    assertThat(bare.full()).isEqualTo("repo");
    assertThat(bare.version()).isNull();
  }

  @Test
  void missingTagOrDigestIsRejectedUnlessAllowed() {
    assertThatThrownBy(() -> Image.lookUpImageInfo("default", "localhost:5000/img", false))
        .isInstanceOf(FlyteValidationException.class)
        .hasMessageStartingWith("Incorrectly formatted image localhost:5000/img, missing tag or digest")
        .hasMessageContaining("localhost:5000/img:<tag>");
    assertThat(Image.lookUpImageInfo("default", "localhost:5000/img", true).tag()).isNull();
  }

  @Test
  void rejectsBothTagAndDigestAndEmptyParts() {
    assertThatThrownBy(() -> new Image("n", "repo", "v1", "sha256:a"))
        .isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("cannot specify both tag and digest. Got tag=v1 and digest=sha256:a");
    assertThatThrownBy(() -> Image.lookUpImageInfo("n", "repo:", true)).hasMessageContaining("empty tag");
    assertThatThrownBy(() -> Image.lookUpImageInfo("n", "repo@", true)).hasMessageContaining("empty digest");
    assertThatThrownBy(() -> Image.lookUpImageInfo("n", ":v1", true)).hasMessageContaining("empty repository");
    assertThatThrownBy(() -> Image.lookUpImageInfo("n", " ", true)).hasMessageContaining("no image reference");
    assertThatThrownBy(() -> Image.lookUpImageInfo("n", null, true)).isInstanceOf(FlyteValidationException.class);
    assertThatThrownBy(() -> new Image(null, "repo", "v", null)).hasMessageContaining("Image.name");
    assertThatThrownBy(() -> new Image("n", "", "v", null)).hasMessageContaining("Image.fqn");
  }
}
