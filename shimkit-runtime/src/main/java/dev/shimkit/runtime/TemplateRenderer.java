package dev.shimkit.runtime;

import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.runtime.internal.GoFormat;
import dev.shimkit.runtime.internal.LiteralText;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Substitutes the placeholders of a container's command and args exactly as Flyte's backend does
 * (flyteplugins {@code pluginmachinery/core/template/template.go}), so the local backend runner starts the
 * same process a cluster would. Placeholders are case-insensitive, allow blanks inside the braces and start
 * with {@code .} or {@code $}: {@code {{ .input }}}, {@code {{$Input}}}. Each string is rendered in this order:
 * {@code Input}, {@code OutputPrefix}, {@code InputPrefix}, {@code RawOutputDataPrefix},
 * {@code PrevCheckpointPrefix} (the two characters {@code ""} when there is none), {@code CheckpointOutputPrefix},
 * {@code PerRetryUniqueKey}, {@code TaskTemplatePath} (only when present, see {@link TaskTemplatePath}),
 * {@code Namespace} (last, so it also fills values that contain it), then {@code Inputs.<name>}. Unknown
 * {@code {{...}}} text is left as is. A {@code $} in a value is read the way Go's {@code ReplaceAllString}
 * reads it ({@code $$} is one dollar, {@code $0} the placeholder itself, other references nothing).
 *
 * <p>As in the backend, {@code {{.Inputs.x}}} is left untouched when the task has no inputs at all, and is an
 * error when the task has inputs but none named {@code x}.
 */
public final class TemplateRenderer {
  private static final String WS = "[\\t\\n\\f\\r ]*";
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final Pattern INPUT = placeholder("Input");
  private static final Pattern INPUT_PREFIX = placeholder("InputPrefix");
  private static final Pattern OUTPUT_PREFIX = placeholder("OutputPrefix");
  private static final Pattern RAW_OUTPUT_DATA_PREFIX = placeholder("RawOutputDataPrefix");
  private static final Pattern PER_RETRY_UNIQUE_KEY = placeholder("PerRetryUniqueKey");
  private static final Pattern TASK_TEMPLATE_PATH = placeholder("TaskTemplatePath");
  private static final Pattern PREV_CHECKPOINT_PREFIX = placeholder("PrevCheckpointPrefix");
  private static final Pattern CHECKPOINT_OUTPUT_PREFIX = placeholder("CheckpointOutputPrefix");
  private static final Pattern NAMESPACE = placeholder("Namespace");
  private static final Pattern INPUT_VAR =
      Pattern.compile("\\{\\{" + WS + "[.$]Inputs\\.([^}\\t\\n\\f\\r ]+)" + WS + "\\}\\}", FLAGS);
  private static final Pattern STARTS_WITH_NON_ALPHA = Pattern.compile("^[^a-zA-Z_]+");
  private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-zA-Z0-9_]+");

  private final TemplateParameters params;
  private final String perRetryUniqueKey;
  private String taskTemplatePath;

  public TemplateRenderer(TemplateParameters params) {
    this.params = Objects.requireNonNull(params, "params");
    this.perRetryUniqueKey = perRetryUniqueKey(params.generatedName());
  }

  /**
   * The per-retry unique key the backend derives from a task execution's generated name: a leading run of
   * characters other than letters and {@code _} becomes {@code a}, and every run of characters other than
   * letters, digits and {@code _} becomes {@code _} ({@code "33 per retry-unique-key"} gives
   * {@code aper_retry_unique_key}).
   */
  public static String perRetryUniqueKey(String generatedName) {
    String key = STARTS_WITH_NON_ALPHA.matcher(generatedName).replaceAll("a");
    return NON_ALPHANUMERIC.matcher(key).replaceAll("_");
  }

  /** Every string of {@code templates} rendered; stops at the first error, as the backend does. */
  public List<String> render(List<String> templates) {
    List<String> out = new ArrayList<>(templates.size());
    for (String t : templates) {
      out.add(render(t));
    }
    return out;
  }

  /** One string rendered. */
  public String render(String template) {
    String val = replace(INPUT, template, params.inputPath());
    val = replace(OUTPUT_PREFIX, val, params.outputPrefix());
    val = replace(INPUT_PREFIX, val, params.inputPrefix());
    val = replace(RAW_OUTPUT_DATA_PREFIX, val, params.rawOutputDataPrefix());
    String prev = params.prevCheckpointPrefix().isEmpty() ? "\"\"" : params.prevCheckpointPrefix();
    val = replace(PREV_CHECKPOINT_PREFIX, val, prev);
    val = replace(CHECKPOINT_OUTPUT_PREFIX, val, params.checkpointOutputPrefix());
    val = replace(PER_RETRY_UNIQUE_KEY, val, perRetryUniqueKey);
    if (TASK_TEMPLATE_PATH.matcher(val).find()) {
      val = replace(TASK_TEMPLATE_PATH, val, taskTemplatePath());
    }
    val = replace(NAMESPACE, val, params.namespace());
    return renderInputs(val);
  }

  /** Whether some rendered string asked for the task template (so it was written through the callback). */
  public boolean taskTemplateRequested() {
    return taskTemplatePath != null;
  }

  private String taskTemplatePath() {
    if (taskTemplatePath == null) {
      taskTemplatePath = Objects.requireNonNull(params.taskTemplatePath().path(), "task template path");
    }
    return taskTemplatePath;
  }

  private String renderInputs(String val) {
    LiteralMap inputs = params.inputs();
    if (inputs.getLiteralsCount() == 0) {
      return val;
    }
    Matcher m = INPUT_VAR.matcher(val);
    StringBuilder out = new StringBuilder();
    List<String> errors = new ArrayList<>();
    while (m.find()) {
      String name = m.group(1);
      Literal literal = inputs.getLiteralsMap().get(name);
      String text = "";
      if (literal == null) {
        errors.add("input template [" + m.group() + "]: requested input is not found [" + name
            + "]; the task's inputs are " + new java.util.TreeSet<>(inputs.getLiteralsMap().keySet()));
      } else {
        try {
          text = LiteralText.of(name, literal);
        } catch (FlyteValidationException e) {
          errors.add("input template [" + m.group() + "]: " + e.getMessage());
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(text));
    }
    if (!errors.isEmpty()) {
      throw new FlyteValidationException("Cannot render '" + val + "': " + String.join("; ", errors));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String replace(Pattern pattern, String val, String value) {
    Matcher m = pattern.matcher(val);
    if (!m.find()) {
      return val;
    }
    StringBuilder out = new StringBuilder();
    do {
      m.appendReplacement(out, Matcher.quoteReplacement(GoFormat.expand(value, m.group())));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }

  private static Pattern placeholder(String name) {
    return Pattern.compile("\\{\\{" + WS + "[.$]" + name + WS + "\\}\\}", FLAGS);
  }
}
