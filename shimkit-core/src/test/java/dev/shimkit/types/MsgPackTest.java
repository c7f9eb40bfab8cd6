package dev.shimkit.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.types.internal.MsgPackReader;
import dev.shimkit.types.internal.MsgPackWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written msgpack codec uses the encodings Python's msgpack.packb picks. */
class MsgPackTest {
  private static String hex(Object tree) {
    return HexFormat.of().formatHex(MsgPackWriter.encode(tree));
  }

  @Test
  void smallestIntegerEncodings() {
    assertThat(hex(0L)).isEqualTo("00");
    assertThat(hex(127L)).isEqualTo("7f");
    assertThat(hex(128L)).isEqualTo("cc80");
    assertThat(hex(256L)).isEqualTo("cd0100");
    assertThat(hex(65536L)).isEqualTo("ce00010000");
    assertThat(hex(4294967296L)).isEqualTo("cf0000000100000000");
    assertThat(hex(-1L)).isEqualTo("ff");
    assertThat(hex(-32L)).isEqualTo("e0");
    assertThat(hex(-33L)).isEqualTo("d0df");
    assertThat(hex(-129L)).isEqualTo("d1ff7f");
    assertThat(hex(-32769L)).isEqualTo("d2ffff7fff");
    assertThat(hex(Long.MIN_VALUE)).isEqualTo("d38000000000000000");
  }

  @Test
  void floatsStringsBinsContainers() {
    assertThat(hex(1.5)).isEqualTo("cb3ff8000000000000");
    assertThat(hex(1.5f)).isEqualTo("cb3ff8000000000000");
    assertThat(hex("")).isEqualTo("a0");
    assertThat(hex("a".repeat(31))).startsWith("bf");
    assertThat(hex("a".repeat(32))).startsWith("d920");
    assertThat(hex("a".repeat(256))).startsWith("da0100");
    assertThat(hex("a".repeat(65536))).startsWith("db00010000");
    assertThat(hex(new byte[] {1})).isEqualTo("c40101");
    assertThat(hex(List.of())).isEqualTo("90");
    assertThat(hex(new ArrayList<>(java.util.Collections.nCopies(16, 0L)))).startsWith("dc0010");
    Map<String, Object> big = new LinkedHashMap<>();
    for (int i = 0; i < 16; i++) {
      big.put("k" + i, null);
    }
    assertThat(hex(big)).startsWith("de0010");
    assertThat(hex(Arrays.asList(null, true, false))).isEqualTo("93c0c3c2");
  }

  @Test
  void decodeInvertsEncodeAndRejectsGarbage() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", Long.MAX_VALUE);
    m.put("f", Double.NaN);
    m.put("s", "😀".repeat(100));
    m.put("l", List.of(List.of(), Map.of()));
    assertThat(MsgPackReader.decode(MsgPackWriter.encode(m))).isEqualTo(m);
    assertThat(MsgPackReader.decode(HexFormat.of().parseHex("ca3fc00000"))).isEqualTo(1.5);
    assertThatThrownBy(() -> MsgPackReader.decode(HexFormat.of().parseHex("cf8000000000000000")))
        .hasMessageContaining("does not fit a Java long");
    assertThatThrownBy(() -> MsgPackReader.decode(HexFormat.of().parseHex("d9ff41")))
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> MsgPackReader.decode(HexFormat.of().parseHex("c70100"))).hasMessageContaining("0xc7");
    assertThatThrownBy(() -> MsgPackReader.decode(HexFormat.of().parseHex("0000"))).hasMessageContaining("extra");
  }
}
