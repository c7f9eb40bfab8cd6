package dev.shimkit.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.sql.internal.QueryTemplate.InputKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryTemplateTest {

  private static QueryTemplate.Statement render(String q, Map<String, Object> values) {
    return QueryTemplate.parse(q).render(values, false);
  }

  @Test
  void normalizesWhitespaceLikeFlytekit() {
    assertThat(QueryTemplate.normalize("\n  select *\n\tfrom   t\r\n where a = 1  "))
        .isEqualTo("select * from t where a = 1");
  }

  @Test
  void goldenLimitPlaceholderIsBound() {
    QueryTemplate.Statement s = render("select TrackId, Name from tracks limit {{.inputs.limit}}",
        Map.of("limit", 3L));
    assertThat(s.sql()).isEqualTo("select TrackId, Name from tracks limit ?");
    assertThat(s.parameters()).containsExactly(3L);
  }

  @Test
  void flytekitPlaceholderSpellingsAreRecognised() {
    QueryTemplate.Statement s = render("select * from t where a = {{ .Inputs.a }} and b = {{.inputs.b}}"
        + " and c = {{   .INPUTS.c}}", Map.of("a", 1L, "b", 2L, "c", 3L));
    assertThat(s.sql()).isEqualTo("select * from t where a = ? and b = ? and c = ?");
    assertThat(s.parameters()).containsExactly(1L, 2L, 3L);
  }

  @Test
  void quotedPlaceholdersBecomeParametersOrConcatenations() {
    QueryTemplate.Statement s = render("select * from t where name = '{{.inputs.n}}' and x like '%{{.inputs.n}}''s%'",
        Map.of("n", "O'Brien"));
    assertThat(s.sql()).isEqualTo("select * from t where name = ? and x like ('%' || ? || '''s%')");
    assertThat(s.parameters()).containsExactly("O'Brien", "O'Brien");
  }

  @Test
  void valuesInsideParenthesesAndAfterOperatorsAreBound() {
    QueryTemplate.Statement s = render("select substr(name, {{.inputs.a}}) from t where id in ({{.inputs.a}},"
        + " {{.inputs.b}}) and x between {{.inputs.a}} and {{.inputs.b}} or y >= {{.inputs.c}}",
        Map.of("a", 1L, "b", 2.5, "c", true));
    assertThat(s.sql()).doesNotContain("{{").contains("substr(name, ?)").contains("in (?, ?)")
        .contains("between ? and ?").contains(">= ?");
    assertThat(s.parameters()).containsExactly(1L, 1L, 2.5, 1L, 2.5, true);
  }

  @Test
  void numbersInNamePositionsAreSubstitutedAsText() {
    QueryTemplate.Statement s = render("select * from t_{{.inputs.n}} order by {{.inputs.col}}",
        Map.of("n", 2024L, "col", 1L));
    assertThat(s.sql()).isEqualTo("select * from t_2024 order by 1");
    assertThat(s.parameters()).isEmpty();
  }

  @Test
  void stringInNamePositionIsRejectedUnlessOptedIn() {
    String q = "select * from {{.inputs.table}}";
    assertThatThrownBy(() -> render(q, Map.of("table", "x; drop table t")))
        .isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("String input 'table'").hasMessageContaining("inject")
        .hasMessageContaining("allowTextSubstitution(true)");
    assertThat(QueryTemplate.parse(q).render(Map.of("table", "tracks"), true).sql())
        .isEqualTo("select * from tracks");
  }

  @Test
  void stringsInQuotedIdentifiersAndCommentsNeedText() {
    for (String q : new String[] {"select \"{{.inputs.c}}\" from t", "select 1 -- {{.inputs.c}}",
        "select 1 /* {{.inputs.c}} */", "select {{.inputs.c}} from t", "select a from t where {{.inputs.c}}.x = 1"}) {
      assertThatThrownBy(() -> render(q, Map.of("c", "v"))).as(q).isInstanceOf(FlyteValidationException.class)
          .hasMessageContaining("String input 'c'");
    }
  }

  @Test
  void missingAndExtraInputsFollowFlytekitsRules() {
    assertThatThrownBy(() -> render("select {{.inputs.a}} + {{.inputs.zz}}", Map.of("a", 1L)))
        .isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("Variable 'zz'").hasMessageContaining("{{.inputs.zz}}").hasMessageContaining("[a]");
    assertThatThrownBy(() -> render("select 1 + {{.inputs.a}}", Map.of("a", 1L, "b", 2L, "c", 3L)))
        .isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("Extra inputs have no matches").hasMessageContaining("[b, c]");
  }

  @Test
  void bareQuestionMarksAndUnsupportedInputsAreRejected() {
    assertThatThrownBy(() -> render("select * from t where a = ?", Map.of()))
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("'?'");
    assertThat(render("select '?' from t", Map.of()).sql()).isEqualTo("select '?' from t");
    assertThatThrownBy(() -> QueryTemplate.parse("select {{.inputs.l}} + 1").validate(
        Map.of("l", InputKind.UNSUPPORTED), false)).hasMessageContaining("cannot be used in a query");
  }

  @Test
  void injectionAttemptsStayInsideParameters() {
    String evil = "x'; drop table t; --";
    QueryTemplate.Statement s = render("select * from t where name = '{{.inputs.n}}' or id = {{.inputs.n}}",
        Map.of("n", evil));
    assertThat(s.sql()).isEqualTo("select * from t where name = ? or id = ?");
    assertThat(s.parameters()).containsExactly(evil, evil);
  }

  @Test
  void textFormsFollowPython() {
    Instant t = Instant.parse("2024-01-02T03:04:05.000006Z");
    assertThat(PyText.str(true)).isEqualTo("True");
    assertThat(PyText.str(t)).isEqualTo("2024-01-02 03:04:05.000006+00:00");
    assertThat(PyText.str(Duration.ofSeconds(93784))).isEqualTo("1 day, 2:03:04");
    assertThat(render("select '{{.inputs.t}}'", Map.of("t", t)).parameters())
        .containsExactly("2024-01-02 03:04:05.000006+00:00");
  }
}
