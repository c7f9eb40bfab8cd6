package dev.shimkit.sql.internal;

import dev.shimkit.errors.FlyteValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * Splits a query template into {@link QueryPiece}s, deciding for every placeholder whether it stands where a
 * value goes. A small SQL scanner, not a parser: it knows string literals ({@code '...'} with {@code ''},
 * PostgreSQL {@code E'...'} and {@code $tag$...$tag$}), quoted identifiers ({@code "..."}, {@code `...`},
 * {@code [...]}), comments, parentheses and the previous token. A bare placeholder is a value when it is
 * not glued to a name (e.g. {@code t_{{.inputs.x}}} or {@code {{.inputs.s}}.t}) and follows an operator
 * ({@code = < > + - * / % ||} ...), one of the keywords {@code LIMIT OFFSET LIKE ILIKE GLOB REGEXP MATCH
 * BETWEEN AND OR NOT IS WHEN THEN ELSE WHERE HAVING CASE ESCAPE}, or {@code (} / {@code ,} inside
 * parentheses (function arguments, {@code IN} lists, {@code VALUES} rows). Everything else (select lists,
 * {@code FROM}, {@code ORDER BY}, identifiers, comments) is not.
 */
final class QueryLexer {
  private static final Set<String> VALUE_KEYWORDS = Set.of("LIMIT", "OFFSET", "LIKE", "ILIKE", "GLOB", "REGEXP",
      "MATCH", "BETWEEN", "AND", "OR", "NOT", "IS", "WHEN", "THEN", "ELSE", "WHERE", "HAVING", "CASE", "ESCAPE");
  private static final String OPERATOR_CHARS = "=<>!+-*/%|&~^";

  private final String sql;
  private final TreeMap<Integer, Matcher> placeholders = new TreeMap<>();
  private final List<QueryPiece> pieces = new ArrayList<>();
  private int textStart;
  private String prevToken = "";
  private int depth;

  private QueryLexer(String sql) {
    this.sql = sql;
    Matcher m = QueryTemplate.PLACEHOLDER.matcher(sql);
    while (m.find()) {
      Matcher copy = QueryTemplate.PLACEHOLDER.matcher(sql);
      copy.find(m.start());
      placeholders.put(m.start(), copy);
    }
  }

  static List<QueryPiece> lex(String sql) {
    QueryLexer lexer = new QueryLexer(sql);
    lexer.run();
    return List.copyOf(lexer.pieces);
  }

  private void run() {
    int i = 0;
    int n = sql.length();
    while (i < n) {
      Matcher ph = placeholders.get(i);
      char c = sql.charAt(i);
      if (ph != null) {
        i = bare(ph);
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'') {
        i = quoted(i, i + 1, false, "");
      } else if ((c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\'' && !identChar(i - 1)) {
        i = quoted(i, i + 2, true, "E");
      } else if (c == '"' || c == '`' || c == '[') {
        i = skipTo(i + 1, c == '[' ? "]" : String.valueOf(c), "a quoted identifier");
        prevToken = "IDENT";
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        i = skipTo(i + 2, "\n", "a comment");
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        i = skipTo(i + 2, "*/", "a comment");
      } else if (c == '$' && dollarTag(i) != null) {
        String tag = dollarTag(i);
        i = skipTo(i + tag.length(), tag, "a dollar-quoted string");
        prevToken = "0";
      } else if (c == '?') {
        throw new FlyteValidationException("The query has a '?' outside string literals at position " + i
            + ": shimkit binds inputs as parameters itself. Write inputs as {{ .inputs.<name> }} instead of '?'.");
      } else if (Character.isLetter(c) || c == '_') {
        int end = i;
        while (end < n && identChar(end) && !placeholders.containsKey(end)) {
          end++;
        }
        prevToken = sql.substring(i, end).toUpperCase(Locale.ROOT);
        i = end;
      } else if (Character.isDigit(c)) {
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.') && !placeholders.containsKey(i)) {
          i++;
        }
        prevToken = "0";
      } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
        int end = i;
        while (end < n && OPERATOR_CHARS.indexOf(sql.charAt(end)) >= 0 && !placeholders.containsKey(end)
            && !sql.startsWith("--", end) && !sql.startsWith("/*", end)) {
          end++;
        }
        prevToken = end == i ? String.valueOf(c) : sql.substring(i, end);
        i = Math.max(end, i + 1);
      } else {
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth = Math.max(0, depth - 1);
        }
        prevToken = String.valueOf(c);
        i++;
      }
    }
    flushText(n);
  }

  private boolean identChar(int index) {
    if (index < 0 || index >= sql.length()) {
      return false;
    }
    char c = sql.charAt(index);
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private int bare(Matcher ph) {
    int start = ph.start();
    int end = ph.end();
    boolean glued = identChar(start - 1) || identChar(end) || charAt(start - 1) == '.' || charAt(end) == '.';
    boolean value;
    String context;
    if (glued) {
      value = false;
      context = "glued to a name";
    } else if (OPERATOR_CHARS.indexOf(prevToken.isEmpty() ? ' ' : prevToken.charAt(0)) >= 0) {
      value = true;
      context = "after '" + prevToken + "'";
    } else if (VALUE_KEYWORDS.contains(prevToken)) {
      value = true;
      context = "after " + prevToken;
    } else if ((prevToken.equals("(") || prevToken.equals(",")) && depth > 0) {
      value = true;
      context = "inside parentheses";
    } else {
      value = false;
      context = prevToken.isEmpty() ? "at the start of the query" : "after '" + prevToken + "'";
    }
    flushText(start);
    pieces.add(new QueryPiece.Placeholder(ph.group(2), ph.group(1), start, value,
        value ? context : context + " (a name, keyword or list item, not a value)"));
    textStart = end;
    prevToken = "0";
    return end;
  }

  private char charAt(int index) {
    return index >= 0 && index < sql.length() ? sql.charAt(index) : ' ';
  }

  /** A string literal whose opening (prefix and quote) starts at {@code open}; its body starts at {@code body}. */
  private int quoted(int open, int body, boolean backslashEscapes, String prefix) {
    List<Object> parts = new ArrayList<>();
    int partStart = body;
    int i = body;
    int n = sql.length();
    while (true) {
      if (i >= n) {
        throw new FlyteValidationException("The query has an unterminated string literal starting at position "
            + open + ": close it with '");
      }
      Matcher ph = placeholders.get(i);
      char c = sql.charAt(i);
      if (ph != null) {
        if (i > partStart) {
          parts.add(sql.substring(partStart, i));
        }
        parts.add(new QueryPiece.Placeholder(ph.group(2), ph.group(1), i, true, "inside a string literal"));
        i = ph.end();
        partStart = i;
      } else if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == '\'') {
        if (i + 1 < n && sql.charAt(i + 1) == '\'') {
          i += 2;
        } else {
          break;
        }
      } else {
        i++;
      }
    }
    boolean hasPlaceholder = parts.stream().anyMatch(p -> p instanceof QueryPiece.Placeholder);
    if (hasPlaceholder) {
      if (i > partStart) {
        parts.add(sql.substring(partStart, i));
      }
      flushText(open);
      pieces.add(new QueryPiece.Quoted(prefix, parts));
      textStart = i + 1;
    }
    prevToken = "0";
    return i + 1;
  }

  /** Skips to just after {@code close}; placeholders on the way need textual substitution. */
  private int skipTo(int from, String close, String what) {
    int end = sql.indexOf(close, from);
    int stop = end < 0 ? sql.length() : end;
    if (end < 0 && !close.equals("\n")) {
      throw new FlyteValidationException("The query has an unterminated " + what + " starting at position "
          + (from - 1) + ": close it with " + close);
    }
    for (Matcher ph : placeholders.subMap(from, true, stop, false).values()) {
      flushText(ph.start());
      pieces.add(new QueryPiece.Placeholder(ph.group(2), ph.group(1), ph.start(), false,
          "inside " + what + " (not a value)"));
      textStart = ph.end();
    }
    return end < 0 ? sql.length() : end + close.length();
  }

  private String dollarTag(int i) {
    int j = i + 1;
    while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
      if (j == i + 1 && Character.isDigit(sql.charAt(j))) {
        return null;
      }
      j++;
    }
    return j < sql.length() && sql.charAt(j) == '$' ? sql.substring(i, j + 1) : null;
  }

  private void flushText(int upTo) {
    if (upTo > textStart) {
      pieces.add(new QueryPiece.Text(sql.substring(textStart, upTo)));
    }
    textStart = Math.max(textStart, upTo);
  }
}
