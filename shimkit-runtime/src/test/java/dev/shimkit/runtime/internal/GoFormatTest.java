package dev.shimkit.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import dev.shimkit.errors.FlyteValidationException;
import org.junit.jupiter.api.Test;

class GoFormatTest {

  @Test
  void float64LikeGoPercentV() {
    // expected values are what Go's fmt.Sprintf("%v", x) prints
    assertThat(GoFormat.formatFloat64(3.14159)).isEqualTo("3.14159");
    assertThat(GoFormat.formatFloat64(1.0)).isEqualTo("1");
    assertThat(GoFormat.formatFloat64(-2.25)).isEqualTo("-2.25");
    assertThat(GoFormat.formatFloat64(0.1)).isEqualTo("0.1");
    assertThat(GoFormat.formatFloat64(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(GoFormat.formatFloat64(1e21)).isEqualTo("1e+21");
    assertThat(GoFormat.formatFloat64(999999)).isEqualTo("999999");
    assertThat(GoFormat.formatFloat64(1e6)).isEqualTo("1e+06");
    assertThat(GoFormat.formatFloat64(1234567)).isEqualTo("1.234567e+06");
    assertThat(GoFormat.formatFloat64(123456.7)).isEqualTo("123456.7");
    assertThat(GoFormat.formatFloat64(0.0001)).isEqualTo("0.0001");
    assertThat(GoFormat.formatFloat64(0.00001)).isEqualTo("1e-05");
    assertThat(GoFormat.formatFloat64(1.5e-7)).isEqualTo("1.5e-07");
    assertThat(GoFormat.formatFloat64(1e100)).isEqualTo("1e+100");
    assertThat(GoFormat.formatFloat64(608863452348.1149)).isEqualTo("6.088634523481149e+11");
    assertThat(GoFormat.formatFloat64(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
    assertThat(GoFormat.formatFloat64(Double.MIN_VALUE)).isEqualTo("5e-324");
    assertThat(GoFormat.formatFloat64(0.0)).isEqualTo("0");
    assertThat(GoFormat.formatFloat64(-0.0)).isEqualTo("-0");
    assertThat(GoFormat.formatFloat64(Double.NaN)).isEqualTo("NaN");
    assertThat(GoFormat.formatFloat64(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(GoFormat.formatFloat64(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    // a value JDK 17's Double.toString does not print shortest
    assertThat(GoFormat.formatFloat64(2.0E-3)).isEqualTo("0.002");
    assertThat(GoFormat.formatFloat64(1.0E23)).isEqualTo("1e+23");
  }

  @Test
  void float32ShortestForItsOwnPrecision() {
    assertThat(GoFormat.formatFloat32(0.1f)).isEqualTo("0.1");
    assertThat(GoFormat.formatFloat32(16777216f)).isEqualTo("1.6777216e+07");
    assertThat(GoFormat.formatFloat32(3.4028235e38f)).isEqualTo("3.4028235e+38");
  }

  @Test
  void timestampRfc3339Nano() {
    assertThat(GoFormat.timestampString(Timestamp.newBuilder().setSeconds(1705314645).setNanos(123456000).build()))
        .isEqualTo("2024-01-15T10:30:45.123456Z");
    assertThat(GoFormat.timestampString(Timestamp.newBuilder().setSeconds(0).build()))
        .isEqualTo("1970-01-01T00:00:00Z");
    assertThat(GoFormat.timestampString(Timestamp.newBuilder().setSeconds(-62135596800L).build()))
        .isEqualTo("0001-01-01T00:00:00Z");
    assertThat(GoFormat.timestampString(Timestamp.newBuilder().setSeconds(1).setNanos(500_000_000).build()))
        .isEqualTo("1970-01-01T00:00:01.5Z");
    assertThatThrownBy(() -> GoFormat.timestampString(Timestamp.newBuilder().setSeconds(253402300800L).build()))
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("9999");
    assertThatThrownBy(() -> GoFormat.timestampString(Timestamp.newBuilder().setNanos(-1).build()))
        .isInstanceOf(FlyteValidationException.class);
  }

  @Test
  void durationAsGoProtobufText() {
    assertThat(GoFormat.durationString(Duration.newBuilder().setSeconds(93784).setNanos(500000).build()))
        .isEqualTo("seconds:93784 nanos:500000");
    assertThat(GoFormat.durationString(Duration.newBuilder().setSeconds(-5).setNanos(-500).build()))
        .isEqualTo("seconds:-5 nanos:-500");
    assertThat(GoFormat.durationString(Duration.newBuilder().setNanos(7).build())).isEqualTo("nanos:7");
    assertThat(GoFormat.durationString(Duration.newBuilder().setSeconds(60).build())).isEqualTo("seconds:60");
    assertThat(GoFormat.durationString(Duration.getDefaultInstance())).isEmpty();
  }

  @Test
  void expandLikeGoRegexp() {
    assertThat(GoFormat.expand("plain/path", "M")).isEqualTo("plain/path");
    assertThat(GoFormat.expand("$$", "M")).isEqualTo("$");
    assertThat(GoFormat.expand("$0|${0}|$00|$1|$name|${name}", "M")).isEqualTo("M|M||||");
    assertThat(GoFormat.expand("a$", "M")).isEqualTo("a$");
    assertThat(GoFormat.expand("$-x", "M")).isEqualTo("$-x");
    assertThat(GoFormat.expand("${0", "M")).isEqualTo("${0");
    assertThat(GoFormat.expand("${}", "M")).isEqualTo("${}");
    assertThat(GoFormat.expand("s3://b/$0x", "M")).isEqualTo("s3://b/");
  }
}
