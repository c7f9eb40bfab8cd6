package dev.shimkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

  @Test
  void masksEveryOccurrence() {
    Redactor r = Redactor.of(List.of("p@ss"));
    assertThat(r.redact("a p@ss b p@ss")).isEqualTo("a **** b ****");
  }

  @Test
  void secretsRegisteredLaterAreMaskedToo() {
    Redactor r = new Redactor();
    assertThat(r.redact("key=abc123")).isEqualTo("key=abc123");
    r.register("abc123");
    assertThat(r.redact("key=abc123")).isEqualTo("key=****");
  }

  @Test
  void longerSecretIsMaskedWhole() {
    Redactor r = new Redactor().register("abc").register("abcdef");
    assertThat(r.redact("x abcdef y abc")).isEqualTo("x **** y ****");
  }

  @Test
  void blankSecretsAndNullTextAreIgnored() {
    Redactor r = Redactor.of(List.of("", "  ")).register(null);
    assertThat(r.redact("a b")).isEqualTo("a b");
    assertThat(r.redact(null)).isNull();
  }

  @Test
  void regexCharactersAreLiteral() {
    Redactor r = Redactor.of(List.of("a.b*c$1"));
    assertThat(r.redact("axb a.b*c$1")).isEqualTo("axb ****");
  }
}
