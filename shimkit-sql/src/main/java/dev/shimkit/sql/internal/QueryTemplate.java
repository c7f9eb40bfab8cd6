package dev.shimkit.sql.internal;

import dev.shimkit.errors.FlyteValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A SQL query template with flytekit's {@code {{ .inputs.<name> }}} placeholders, turned into a statement with
 * bound parameters. flytekit substitutes every placeholder as text, which lets a string input inject SQL;
 * here a placeholder that stands where a value goes becomes a {@code ?} parameter (inside a string literal,
 * the literal becomes a concatenation), and only the others are substituted as text: always for numbers,
 * booleans, datetimes and durations (they cannot inject), and for strings only when the author opted in.
 * See {@link QueryLexer} for how positions are told apart.
 */
public final class QueryTemplate {
  /** flytekit's placeholder pattern, unescaped dots included ({@code flytekit/core/base_sql_task.py}). */
  static final Pattern PLACEHOLDER = Pattern.compile("(\\{\\{\\s*.inputs.(\\w+)\\s*}})",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** How an input value can be used in a query. */
  public enum InputKind {
    /** Integers, floats, booleans, datetimes, durations: safe as text too. */
    SCALAR,
    /** Strings: bound, or substituted as text only when the author opted in. */
    STRING,
    /** Anything else (lists, maps, files, ...): cannot be used. */
    UNSUPPORTED
  }

  /** A statement ready for JDBC: SQL with {@code ?} markers and the values to bind, in order. */
  public record Statement(String sql, List<Object> parameters) {
    public Statement {
      parameters = List.copyOf(parameters);
    }
  }

  private final String template;
  private final List<QueryPiece> pieces;

  private QueryTemplate(String template, List<QueryPiece> pieces) {
    this.template = template;
    this.pieces = pieces;
  }

  /** Parses a template (not normalized here; see {@link #normalize}). */
  public static QueryTemplate parse(String template) {
    if (template == null || template.isBlank()) {
      throw new FlyteValidationException("The query template is empty: give the SQL to run");
    }
    return new QueryTemplate(template, QueryLexer.lex(template));
  }

  /** flytekit's normalisation: newlines and tabs become spaces, runs of whitespace one space, then trimmed. */
  public static String normalize(String query) {
    return WHITESPACE.matcher(query.replace("\n", " ").replace("\t", " ")).replaceAll(" ").strip();
  }

  public String template() {
    return template;
  }

  /** The names used by placeholders, in order of first use. */
  public Set<String> inputNames() {
    Set<String> names = new LinkedHashSet<>();
    for (QueryPiece.Placeholder p : placeholders()) {
      names.add(p.name());
    }
    return names;
  }

  /** Every placeholder, in template order. */
  public List<QueryPiece.Placeholder> placeholders() {
    List<QueryPiece.Placeholder> out = new ArrayList<>();
    for (QueryPiece piece : pieces) {
      if (piece instanceof QueryPiece.Placeholder p) {
        out.add(p);
      } else if (piece instanceof QueryPiece.Quoted q) {
        for (Object part : q.parts()) {
          if (part instanceof QueryPiece.Placeholder p) {
            out.add(p);
          }
        }
      }
    }
    return out;
  }

  /**
   * Checks the template against the inputs: flytekit's rules (every placeholder names an input, every input
   * is used) and ours (no string in a position that needs text unless {@code allowTextSubstitution}; only
   * scalar inputs).
   */
  public void validate(Map<String, InputKind> inputs, boolean allowTextSubstitution) {
    for (QueryPiece.Placeholder p : placeholders()) {
      InputKind kind = inputs.get(p.name());
      if (kind == null) {
        throw new FlyteValidationException("Variable '" + p.name() + "' in the query (part of '" + p.expression()
            + "' at position " + p.offset() + ") is not among the inputs " + new TreeSet<>(inputs.keySet())
            + ": declare an input '" + p.name() + "' or remove the placeholder");
      }
      if (kind == InputKind.UNSUPPORTED) {
        throw new FlyteValidationException("Input '" + p.name() + "' cannot be used in a query: only integers, "
            + "floats, booleans, strings, datetimes and durations can be bound or substituted");
      }
      if (kind == InputKind.STRING && !p.value() && !allowTextSubstitution) {
        throw new FlyteValidationException("String input '" + p.name() + "' stands " + p.context()
            + " at position " + p.offset() + " of the query, where it cannot be bound as a parameter; substituting "
            + "its text would let the input inject SQL. Put it where a value goes (e.g. \"col = "
            + p.expression() + "\" or inside a string literal), or, if its values are trusted, opt in to "
            + "textual substitution (allowTextSubstitution(true), custom \"allow_text_substitution\": true)");
      }
    }
    Set<String> extra = new TreeSet<>(inputs.keySet());
    extra.removeAll(inputNames());
    if (!extra.isEmpty()) {
      throw new FlyteValidationException("Extra inputs have no matches in the query template: " + extra
          + ". Use each input in the query as {{ .inputs.<name> }} or remove it from the task's inputs");
    }
  }

  /** The kind of a Java input value, as the type engine hands it over. */
  public static InputKind kindOf(Object value) {
    if (value instanceof String) {
      return InputKind.STRING;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Double || value instanceof Float
        || value instanceof Boolean || value instanceof Instant || value instanceof Duration) {
      return InputKind.SCALAR;
    }
    return InputKind.UNSUPPORTED;
  }

  /** Validates against {@code values} and renders the statement; values are bound in placeholder order. */
  public Statement render(Map<String, Object> values, boolean allowTextSubstitution) {
    Map<String, InputKind> kinds = new java.util.HashMap<>();
    values.forEach((k, v) -> kinds.put(k, v == null ? InputKind.UNSUPPORTED : kindOf(v)));
    validate(kinds, allowTextSubstitution);
    StringBuilder sql = new StringBuilder(template.length() + 16);
    List<Object> params = new ArrayList<>();
    for (QueryPiece piece : pieces) {
      if (piece instanceof QueryPiece.Text t) {
        sql.append(t.sql());
      } else if (piece instanceof QueryPiece.Placeholder p) {
        Object v = values.get(p.name());
        if (p.value()) {
          sql.append('?');
          params.add(v);
        } else {
          sql.append(PyText.str(v));
        }
      } else if (piece instanceof QueryPiece.Quoted q) {
        renderQuoted(q, values, sql, params);
      }
    }
    return new Statement(sql.toString(), params);
  }

  private static void renderQuoted(QueryPiece.Quoted q, Map<String, Object> values, StringBuilder sql,
      List<Object> params) {
    if (q.parts().size() == 1) {
      QueryPiece.Placeholder p = (QueryPiece.Placeholder) q.parts().get(0);
      sql.append('?');
      params.add(PyText.str(values.get(p.name())));
      return;
    }
    sql.append('(');
    boolean first = true;
    for (Object part : q.parts()) {
      if (!first) {
        sql.append(" || ");
      }
      first = false;
      if (part instanceof QueryPiece.Placeholder p) {
        sql.append('?');
        params.add(PyText.str(values.get(p.name())));
      } else {
        sql.append(q.prefix()).append('\'').append((String) part).append('\'');
      }
    }
    sql.append(')');
  }
}
