import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Copies Flyte's .proto files without the grpc-gateway OpenAPI v2 annotations.
 *
 * <p>Five service protos import {@code protoc-gen-openapiv2/options/annotations.proto}, which no package we
 * use ships; the annotations only feed Swagger generation and carry no wire meaning. Removed lines become
 * empty lines so protoc's line numbers still match the original files. A file is rewritten only when its
 * content changes, which keeps protoc's staleness check (and so incremental builds) working.
 *
 * <p>Usage: {@code java StripOpenApi.java <source protos dir> <target dir>}
 */
public final class StripOpenApi {
  private static final String OPTION_PREFIX = "option (grpc.gateway.protoc_gen_openapiv2.";

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java StripOpenApi.java <source protos dir> <target dir>");
      System.exit(2);
    }
    Path source = Path.of(args[0]);
    Path target = Path.of(args[1]);
    if (!Files.isDirectory(source)) {
      System.err.println("StripOpenApi: no proto directory at " + source + " (did the npm step run?)");
      System.exit(1);
    }
    List<Path> protos;
    try (Stream<Path> walk = Files.walk(source)) {
      protos = walk.filter(p -> p.toString().endsWith(".proto")).collect(Collectors.toList());
    }
    for (Path proto : protos) {
      Path out = target.resolve(source.relativize(proto).toString());
      String stripped = strip(Files.readString(proto, StandardCharsets.UTF_8), proto);
      Files.createDirectories(out.getParent());
      if (!Files.exists(out) || !Files.readString(out, StandardCharsets.UTF_8).equals(stripped)) {
        Files.writeString(out, stripped, StandardCharsets.UTF_8);
      }
    }
  }

  static String strip(String text, Path file) {
    char[] chars = text.toCharArray();
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < chars.length) {
      int lineStart = i;
      int lineEnd = text.indexOf('\n', i);
      if (lineEnd < 0) {
        lineEnd = chars.length;
      }
      String line = text.substring(lineStart, lineEnd);
      String trimmed = line.trim();
      if (trimmed.startsWith("import \"protoc-gen-openapiv2/")) {
        i = appendBlankLines(out, text, lineStart, lineEnd);
      } else if (trimmed.startsWith(OPTION_PREFIX)) {
        int end = statementEnd(chars, lineStart + line.indexOf(OPTION_PREFIX), file, text);
        int endLine = text.indexOf('\n', end);
        if (endLine < 0) {
          endLine = chars.length;
        }
        i = appendBlankLines(out, text, lineStart, endLine);
      } else {
        int commentAt = line.indexOf("//");
        String code = commentAt >= 0 ? line.substring(0, commentAt) : line;
        if (code.contains("openapiv2")) {
          int lineNo = (int) text.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1;
          throw new IllegalStateException("openapiv2 text left in " + file + " line " + lineNo + ": " + trimmed);
        }
        out.append(line);
        if (lineEnd < chars.length) {
          out.append('\n');
        }
        i = lineEnd + 1;
      }
    }
    return out.toString();
  }

  /** Replaces the lines from start to end (exclusive of end's newline) by as many empty lines. */
  private static int appendBlankLines(StringBuilder out, String text, int start, int end) {
    long newlines = text.substring(start, Math.min(end + 1, text.length())).chars().filter(c -> c == '\n').count();
    out.append("\n".repeat((int) newlines));
    return end + 1;
  }

  /** Index of the ';' that closes the option statement starting at {@code start}. */
  private static int statementEnd(char[] chars, int start, Path file, String text) {
    int depth = 0;
    boolean inString = false;
    char quote = 0;
    for (int i = start; i < chars.length; i++) {
      char c = chars[i];
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          inString = false;
        }
      } else if (c == '"' || c == '\'') {
        inString = true;
        quote = c;
      } else if (c == '/' && i + 1 < chars.length && chars[i + 1] == '/') {
        while (i < chars.length && chars[i] != '\n') {
          i++;
        }
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      } else if (c == ';' && depth == 0) {
        return i;
      }
    }
    throw new IllegalStateException("unterminated openapiv2 option in " + file + " at offset " + start);
  }
}
