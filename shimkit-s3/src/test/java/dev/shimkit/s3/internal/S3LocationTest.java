package dev.shimkit.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteDataException;
import dev.shimkit.errors.FlyteValidationException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class S3LocationTest {

  @Test
  void parsesBucketAndLiteralKey() {
    assertThat(S3Location.parse("s3://b/a b/ü%20.txt")).isEqualTo(new S3Location("b", "a b/ü%20.txt"));
    assertThat(S3Location.parse("S3://b/k")).isEqualTo(new S3Location("b", "k"));
    assertThat(S3Location.parse("s3://b")).isEqualTo(new S3Location("b", ""));
    assertThat(S3Location.parse("s3://b/")).isEqualTo(new S3Location("b", ""));
    assertThat(S3Location.parse("s3://b/dir/").key()).isEqualTo("dir/");
  }

  @Test
  void directoryPrefixMatchesOnlyWhatIsInside() {
    assertThat(new S3Location("b", "dir").directoryPrefix()).isEqualTo("dir/");
    assertThat(new S3Location("b", "dir/").directoryPrefix()).isEqualTo("dir/");
    assertThat(new S3Location("b", "").directoryPrefix()).isEmpty();
    assertThat(new S3Location("b", "dir").child("sub/x.txt")).isEqualTo("dir/sub/x.txt");
    assertThat(new S3Location("b", "").child("x.txt")).isEqualTo("x.txt");
  }

  @Test
  void rejectsUrisWithoutBucketOrScheme() {
    assertThatThrownBy(() -> S3Location.parse("s3:///k")).isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("s3:///k").hasMessageContaining("s3://bucket/key");
    assertThatThrownBy(() -> S3Location.parse("gs://b/k")).isInstanceOf(FlyteValidationException.class);
  }

  @Test
  void objectKeysCannotEscapeTheTargetDirectory() {
    Path root = Path.of("/data/target").toAbsolutePath();
    assertThat(S3Store.localTarget(root, "a/b.txt", "s3://b/p", "p/a/b.txt")).isEqualTo(root.resolve("a/b.txt"));
    for (String evil : new String[] {"../x.txt", "a/../../x.txt", "/etc/passwd", ".", "a/.."}) {
      assertThatThrownBy(() -> S3Store.localTarget(root, evil, "s3://b/p", "p/" + evil))
          .as(evil)
          .isInstanceOfSatisfying(FlyteDataException.class, e -> assertThat(e.isRecoverable()).isFalse())
          .hasMessageContaining("would land outside");
    }
  }
}
