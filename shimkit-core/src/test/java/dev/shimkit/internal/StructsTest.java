package dev.shimkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import dev.shimkit.errors.FlyteValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a Struct without JsonFormat gives exactly what parsing JsonFormat's JSON with Jackson gave. */
class StructsTest {
  private static Value num(double d) {
    return Value.newBuilder().setNumberValue(d).build();
  }

  private static Value str(String s) {
    return Value.newBuilder().setStringValue(s).build();
  }

  private static final Struct NESTED = Struct.newBuilder()
      .putFields("query_template", str("select * from t where id = {{ .inputs.id }}\n\t\"quoted\" \\ back é \u0001"))
      .putFields("count", num(3.0))
      .putFields("big", num(1e20))
      .putFields("small", num(-0.1))
      .putFields("flag", Value.newBuilder().setBoolValue(true).build())
      .putFields("nothing", Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build())
      .putFields("list", Value.newBuilder().setListValue(ListValue.newBuilder().addValues(num(1)).addValues(str("x"))
          .addValues(Value.newBuilder().setStructValue(Struct.newBuilder().putFields("k", num(2))))).build())
      .putFields("inner", Value.newBuilder().setStructValue(Struct.newBuilder().putFields("a", str("b"))
          .putFields("empty", Value.newBuilder().setListValue(ListValue.getDefaultInstance()).build())).build())
      .build();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> viaJsonFormat(Struct s) throws Exception {
    return new ObjectMapper().readValue(JsonFormat.printer().print(s), Map.class);
  }

  @Test
  void toMapEqualsTheJsonFormatAndJacksonReading() throws Exception {
    Map<String, Object> map = Structs.toMap(NESTED);
    assertThat(map).isEqualTo(viaJsonFormat(NESTED));
    assertThat(map).isInstanceOf(LinkedHashMap.class);
    assertThat(map.get("list")).isInstanceOf(ArrayList.class);
    assertThat(map.get("count")).isEqualTo(3.0);
    assertThat(map).containsEntry("nothing", null);
  }

  record Inner(String a, List<String> empty) {
  }

  record Config(String query_template, long count, double big, double small, boolean flag, String nothing,
      List<Object> list, Inner inner) {
  }

  @Test
  void toObjectReadsEveryKindOfValueIncludingEscapes() {
    Config c = Structs.toObject(NESTED, Config.class);
    assertThat(c.query_template()).isEqualTo("select * from t where id = {{ .inputs.id }}\n\t\"quoted\" \\ back é \u0001");
    assertThat(c.count()).isEqualTo(3L);
    assertThat(c.big()).isEqualTo(1e20);
    assertThat(c.small()).isEqualTo(-0.1);
    assertThat(c.flag()).isTrue();
    assertThat(c.nothing()).isNull();
    assertThat(c.list()).containsExactly(1.0, "x", Map.of("k", 2.0));
    assertThat(c.inner()).isEqualTo(new Inner("b", List.of()));
  }

  @Test
  void nonFiniteNumbersFailAsJsonFormatFailsOnThem() {
    Struct s = Struct.newBuilder().putFields("inner", Value.newBuilder().setStructValue(
        Struct.newBuilder().putFields("nan", num(Double.NaN))).build()).build();
    assertThatThrownBy(() -> viaJsonFormat(s)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Structs.toMap(s)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("infinity or nan");
  }

  record Typed(long count) {
  }

  @Test
  void aConfigThatDoesNotFitNamesTheType() {
    Struct s = Struct.newBuilder().putFields("count", str("many")).build();
    assertThatThrownBy(() -> Structs.toObject(s, Typed.class)).isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining(Typed.class.getName());
  }
}
