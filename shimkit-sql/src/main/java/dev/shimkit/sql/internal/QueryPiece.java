package dev.shimkit.sql.internal;

import java.util.List;

/** One piece of a parsed query template: SQL text, or a placeholder and where it stands. */
public sealed interface QueryPiece {

  /** SQL text copied as is. */
  record Text(String sql) implements QueryPiece {
  }

  /**
   * A placeholder {@code {{ .inputs.name }}}.
   *
   * @param name the input's name
   * @param expression the placeholder as written
   * @param offset its 0-based position in the template
   * @param value whether it stands where a value goes (bound as a parameter) rather than being part of a
   *     name, keyword, identifier or comment (which needs textual substitution)
   * @param context a short description of where it stands, for messages
   */
  record Placeholder(String name, String expression, int offset, boolean value, String context)
      implements QueryPiece {
  }

  /**
   * A string literal holding placeholders: rendered as the concatenation of its text parts and bound
   * parameters, e.g. {@code '%{{.inputs.x}}%'} becomes {@code ('%' || ? || '%')}.
   *
   * @param prefix {@code E} for a PostgreSQL escape string, else empty
   * @param parts raw literal text (escapes kept as written) and {@link Placeholder}s, in order
   */
  record Quoted(String prefix, List<Object> parts) implements QueryPiece {
  }
}
