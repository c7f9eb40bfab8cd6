package dev.shimkit.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteValidationException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class GoMsgpackTest {

  private static byte[] bytes(int... v) {
    byte[] b = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = (byte) v[i];
    }
    return b;
  }

  @Test
  void flytesOwnTestCase() {
    // {"a": 1, "b": true, "c": 1.1, "d": "string"} as Go's msgpack.Marshal writes it -> Flyte expects this text
    ByteBuffer buf = ByteBuffer.allocate(64);
    buf.put(bytes(0x84, 0xa1, 'a', 0x01, 0xa1, 'b', 0xc3, 0xa1, 'c', 0xcb)).putDouble(1.1)
        .put(bytes(0xa1, 'd', 0xa6, 's', 't', 'r', 'i', 'n', 'g'));
    byte[] b = new byte[buf.position()];
    buf.flip().get(b);
    assertThat(GoMsgpack.format(b)).isEqualTo("map[a:1 b:true c:1.1 d:string]");
  }

  @Test
  void keysAreSorted() {
    assertThat(GoMsgpack.format(bytes(0x83, 0xa1, 'z', 0x01, 0xa1, 'a', 0x02, 0xa1, 'm', 0xc0)))
        .isEqualTo("map[a:2 m:<nil> z:1]");
    assertThat(GoMsgpack.format(bytes(0x82, 0x05, 0xa1, 'x', 0xff, 0xa1, 'y'))).isEqualTo("map[-1:y 5:x]");
  }

  @Test
  void scalarsArraysAndBinary() {
    assertThat(GoMsgpack.format(bytes(0xc2))).isEqualTo("false");
    assertThat(GoMsgpack.format(bytes(0xcf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)))
        .isEqualTo("18446744073709551615");
    assertThat(GoMsgpack.format(bytes(0xd3, 0x80, 0, 0, 0, 0, 0, 0, 0))).isEqualTo("-9223372036854775808");
    assertThat(GoMsgpack.format(bytes(0xd0, 0x80))).isEqualTo("-128");
    assertThat(GoMsgpack.format(bytes(0xcd, 0x01, 0x00))).isEqualTo("256");
    assertThat(GoMsgpack.format(bytes(0xca, 0x3d, 0xcc, 0xcc, 0xcd))).isEqualTo("0.1");
    assertThat(GoMsgpack.format(bytes(0x93, 0x01, 0x90, 0x92, 0xa1, 'a', 0xc3))).isEqualTo("[1 [] [a true]]");
    assertThat(GoMsgpack.format(bytes(0xc4, 0x03, 0x01, 0x02, 0xff))).isEqualTo("[1 2 255]");
    assertThat(GoMsgpack.format(bytes(0xd9, 0x02, 0xc3, 0xa9))).isEqualTo("é");
  }

  @Test
  void malformedAndUnsupportedAreErrors() {
    assertThatThrownBy(() -> GoMsgpack.format(bytes(0xcd, 0x01))).isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("ends early");
    assertThatThrownBy(() -> GoMsgpack.format(bytes(0x92, 0x01))).isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("exceeds");
    assertThatThrownBy(() -> GoMsgpack.format(bytes(0xdb, 0x7f, 0xff, 0xff, 0xff)))
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("exceeds");
    assertThatThrownBy(() -> GoMsgpack.format(bytes(0xd6, 0xff, 0, 0, 0, 0)))
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("0xd6");
  }
}
