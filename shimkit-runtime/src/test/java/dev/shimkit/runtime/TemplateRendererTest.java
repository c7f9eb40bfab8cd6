package dev.shimkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import dev.shimkit.errors.FlyteValidationException;
import flyteidl.core.Literals.Binary;
import flyteidl.core.Literals.Blob;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralCollection;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Literals.Schema;
import flyteidl.core.Literals.StructuredDataset;
import flyteidl.core.Tasks.TaskTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateRendererTest {
  private static final Path GOLDEN =
      Path.of(System.getProperty("shimkit.repo.root")).resolve("../shared/golden/flytekit-1.15.4");

  private static TemplateParameters.Builder base() {
    return TemplateParameters.builder()
        .inputPath("s3://meta/exec/n0/data/inputs.pb")
        .inputPrefix("s3://meta/exec/n0/data")
        .outputPrefix("s3://meta/exec/n0/data/0")
        .rawOutputDataPrefix("s3://raw/ab/exec-n0-0")
        .checkpointOutputPrefix("s3://raw/ab/exec-n0-0/_flytecheckpoints")
        .generatedName("exec-n0-0")
        .namespace("flytesnacks-development")
        .taskTemplatePath(() -> "s3://meta/exec/n0/data/task.pb");
  }

  private static String render(String template) {
    return new TemplateRenderer(base().build()).render(template);
  }

  private static Literal prim(Primitive p) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(p)).build();
  }

  private static String renderInput(Literal literal) {
    LiteralMap inputs = LiteralMap.newBuilder().putLiterals("x", literal).build();
    return new TemplateRenderer(base().inputs(inputs).build()).render("{{.Inputs.x}}");
  }

  private static TaskTemplate golden(String name) throws IOException {
    return TaskTemplate.parseFrom(Files.readAllBytes(GOLDEN.resolve(name)));
  }

  @Test
  void goldenSqliteTaskArgs() throws IOException {
    TaskTemplate t = golden("sqlite3_task.task_template.pb");
    AtomicInteger uploads = new AtomicInteger();
    TemplateRenderer r = new TemplateRenderer(base().taskTemplatePath(() -> {
      uploads.incrementAndGet();
      return "s3://meta/exec/n0/data/task.pb";
    }).build());
    assertThat(r.render(t.getContainer().getArgsList())).containsExactly(
        "pyflyte-execute", "--inputs", "s3://meta/exec/n0/data/inputs.pb",
        "--output-prefix", "s3://meta/exec/n0/data/0",
        "--raw-output-data-prefix", "s3://raw/ab/exec-n0-0",
        "--resolver", "flytekit.core.python_customized_container_task.default_task_template_resolver",
        "--", "s3://meta/exec/n0/data/task.pb", "flytekit.extras.sqlite3.task.SQLite3TaskExecutor");
    assertThat(r.taskTemplateRequested()).isTrue();
    assertThat(uploads).hasValue(1);
    assertThat(r.render(t.getContainer().getCommandList())).isEmpty();
    // rendered args parse as the entrypoint's command line
    ExecuteArgs args = ExecuteArgs.parse(r.render(t.getContainer().getArgsList()).subList(1, 12));
    assertThat(args.resolverArgs()).containsExactly("s3://meta/exec/n0/data/task.pb",
        "flytekit.extras.sqlite3.task.SQLite3TaskExecutor");
  }

  @Test
  void goldenAddOneArgsFirstAttemptHasTwoQuotePrevCheckpoint() throws IOException {
    TaskTemplate t = golden("add_one_task.task_template.pb");
    TemplateRenderer r = new TemplateRenderer(base().taskTemplatePath(() -> {
      throw new AssertionError("no template placeholder here");
    }).build());
    List<String> rendered = r.render(t.getContainer().getArgsList());
    assertThat(rendered).containsExactly(
        "pyflyte-execute", "--inputs", "s3://meta/exec/n0/data/inputs.pb",
        "--output-prefix", "s3://meta/exec/n0/data/0",
        "--raw-output-data-prefix", "s3://raw/ab/exec-n0-0",
        "--checkpoint-path", "s3://raw/ab/exec-n0-0/_flytecheckpoints",
        "--prev-checkpoint", "\"\"",
        "--resolver", "flytekit.core.python_auto_container.default_task_resolver",
        "--", "task-module", "pyref_tasks", "task-name", "add_one");
    assertThat(r.taskTemplateRequested()).isFalse();
    assertThat(ExecuteArgs.parse(rendered.subList(1, rendered.size())).prevCheckpoint()).isNull();
  }

  @Test
  void eachPlaceholder() {
    assertThat(render("{{.Input}}")).isEqualTo("s3://meta/exec/n0/data/inputs.pb");
    assertThat(render("{{.InputPrefix}}")).isEqualTo("s3://meta/exec/n0/data");
    assertThat(render("{{.OutputPrefix}}")).isEqualTo("s3://meta/exec/n0/data/0");
    assertThat(render("{{.RawOutputDataPrefix}}")).isEqualTo("s3://raw/ab/exec-n0-0");
    assertThat(render("{{.CheckpointOutputPrefix}}")).isEqualTo("s3://raw/ab/exec-n0-0/_flytecheckpoints");
    assertThat(render("{{.PrevCheckpointPrefix}}")).isEqualTo("\"\"");
    assertThat(render("{{.PerRetryUniqueKey}}")).isEqualTo("exec_n0_0");
    assertThat(render("{{.TaskTemplatePath}}")).isEqualTo("s3://meta/exec/n0/data/task.pb");
    assertThat(render("{{.Namespace}}")).isEqualTo("flytesnacks-development");
  }

  @Test
  void prevCheckpointWhenThereIsOne() {
    TemplateRenderer r = new TemplateRenderer(base().prevCheckpointPrefix("s3://prev/ck").build());
    assertThat(r.render("--prev={{ .prevcheckpointprefix }}")).isEqualTo("--prev=s3://prev/ck");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{{.input}}", "{{ .input }}", "{{$Input}}", "{{ $Input }}", "{{       .Input }}",
      "{{.INPUT}}", "{{\t.Input\n}}", "{{ .Input}}", "{{.Input }}"})
  void caseAndBlanksDoNotMatter(String placeholder) {
    assertThat(render(placeholder)).isEqualTo("s3://meta/exec/n0/data/inputs.pb");
    assertThat(render("--something=" + placeholder)).isEqualTo("--something=s3://meta/exec/n0/data/inputs.pb");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{{input}}", "{$input}}", "${{input}}", "{{ .InputFile }}", "{{ .wrongOutputDataPrefix }}",
      "{{.Inputs.a b}}", "{{ .Input\u000b}}"})
  void notPlaceholdersAreLeftAlone(String text) {
    LiteralMap inputs = LiteralMap.newBuilder().putLiterals("a", prim(Primitive.newBuilder().setInteger(1).build()))
        .build();
    assertThat(new TemplateRenderer(base().inputs(inputs).build()).render(text)).isEqualTo(text);
  }

  @Test
  void severalPlaceholdersInOneString() {
    assertThat(render("--in {{.input}} --out={{ .outputPrefix }} {{.input}}")).isEqualTo(
        "--in s3://meta/exec/n0/data/inputs.pb --out=s3://meta/exec/n0/data/0 s3://meta/exec/n0/data/inputs.pb");
  }

  @Test
  void namespaceIsReplacedLastSoValuesMayContainIt() {
    TemplateRenderer r = new TemplateRenderer(base().rawOutputDataPrefix("s3://raw/{{ .Namespace }}")
        .checkpointOutputPrefix("s3://ck/{{.namespace}}").build());
    assertThat(r.render("{{.rawOutputDataPrefix}} {{.checkpointOutputPrefix}}"))
        .isEqualTo("s3://raw/flytesnacks-development s3://ck/flytesnacks-development");
  }

  @Test
  void dollarInValuesFollowsGoReplaceAllString() {
    TemplateRenderer r = new TemplateRenderer(base().outputPrefix("/a/$$b/$1/${x}/$0/$").build());
    assertThat(r.render("{{.outputPrefix}}")).isEqualTo("/a/$b///{{.outputPrefix}}/$");
  }

  @Test
  void perRetryUniqueKeyRule() {
    assertThat(TemplateRenderer.perRetryUniqueKey("per-retry-unique-key")).isEqualTo("per_retry_unique_key");
    assertThat(TemplateRenderer.perRetryUniqueKey("33 per retry-unique-key")).isEqualTo("aper_retry_unique_key");
    assertThat(TemplateRenderer.perRetryUniqueKey("  1 3 nd spaces ")).isEqualTo("and_spaces_");
    assertThat(TemplateRenderer.perRetryUniqueKey("_ok")).isEqualTo("_ok");
    assertThat(render("{{ .PerretryuNIqueKey }}")).isEqualTo("exec_n0_0");
  }

  @Test
  void taskTemplateWrittenOnlyWhenUsed() {
    AtomicInteger calls = new AtomicInteger();
    TemplateRenderer r = new TemplateRenderer(base().taskTemplatePath(() -> "t" + calls.incrementAndGet()).build());
    r.render(List.of("a", "{{.input}}"));
    assertThat(calls).hasValue(0);
    assertThat(r.taskTemplateRequested()).isFalse();
    assertThat(r.render(List.of("{{.taskTemplatePath}}", "{{ .TASKTEMPLATEPATH }}"))).containsExactly("t1", "t1");
    assertThat(calls).hasValue(1);
  }

  @Test
  void inputsOfEachKind() {
    assertThat(renderInput(prim(Primitive.newBuilder().setInteger(-42).build()))).isEqualTo("-42");
    assertThat(renderInput(prim(Primitive.newBuilder().setBoolean(true).build()))).isEqualTo("true");
    assertThat(renderInput(prim(Primitive.newBuilder().setFloatValue(3.14159).build()))).isEqualTo("3.14159");
    assertThat(renderInput(prim(Primitive.newBuilder().setFloatValue(1.0).build()))).isEqualTo("1");
    assertThat(renderInput(prim(Primitive.newBuilder().setFloatValue(1e21).build()))).isEqualTo("1e+21");
    assertThat(renderInput(prim(Primitive.newBuilder().setStringValue("my table; $1 \\n").build())))
        .isEqualTo("my table; $1 \\n");
    assertThat(renderInput(prim(Primitive.newBuilder()
        .setDatetime(Timestamp.newBuilder().setSeconds(-2208985139L).setNanos(1)).build())))
        .isEqualTo("1900-01-01T01:01:01.000000001Z");
    assertThat(renderInput(prim(Primitive.newBuilder()
        .setDuration(Duration.newBuilder().setSeconds(93784).setNanos(500000)).build())))
        .isEqualTo("seconds:93784 nanos:500000");
    assertThat(renderInput(Literal.newBuilder().setScalar(Scalar.newBuilder()
        .setBlob(Blob.newBuilder().setUri("s3://b/f.csv"))).build())).isEqualTo("s3://b/f.csv");
    assertThat(renderInput(Literal.newBuilder().setScalar(Scalar.newBuilder()
        .setSchema(Schema.newBuilder().setUri("s3://b/x.parquet"))).build())).isEqualTo("s3://b/x.parquet");
    // msgpack of {"a": 1, "b": true}
    byte[] msgpack = {(byte) 0x82, (byte) 0xa1, 'a', 0x01, (byte) 0xa1, 'b', (byte) 0xc3};
    assertThat(renderInput(Literal.newBuilder().setScalar(Scalar.newBuilder().setBinary(
        Binary.newBuilder().setTag("msgpack").setValue(ByteString.copyFrom(msgpack)))).build()))
        .isEqualTo("map[a:1 b:true]");
  }

  @Test
  void collectionsNest() {
    Literal a = prim(Primitive.newBuilder().setStringValue("a").build());
    Literal b = prim(Primitive.newBuilder().setStringValue("b").build());
    Literal one = prim(Primitive.newBuilder().setInteger(1).build());
    Literal two = prim(Primitive.newBuilder().setInteger(2).build());
    Literal inner1 = Literal.newBuilder().setCollection(LiteralCollection.newBuilder().addLiterals(a).addLiterals(b))
        .build();
    Literal inner2 = Literal.newBuilder().setCollection(LiteralCollection.newBuilder().addLiterals(one)
        .addLiterals(two)).build();
    Literal outer = Literal.newBuilder().setCollection(LiteralCollection.newBuilder().addLiterals(inner1)
        .addLiterals(inner2)).build();
    assertThat(renderInput(outer)).isEqualTo("[[a,b],[1,2]]");
    assertThat(renderInput(Literal.newBuilder().setCollection(LiteralCollection.getDefaultInstance()).build()))
        .isEqualTo("[]");
  }

  @Test
  void multiInputSqlLikeFlytesTest() {
    LiteralMap inputs = LiteralMap.newBuilder()
        .putLiterals("ds", prim(Primitive.newBuilder()
            .setDatetime(Timestamp.newBuilder().setSeconds(-2208985139L).setNanos(1)).build()))
        .putLiterals("table", prim(Primitive.newBuilder().setStringValue("my_table").build()))
        .putLiterals("min", prim(Primitive.newBuilder().setInteger(15).build()))
        .build();
    TemplateRenderer r = new TemplateRenderer(base().inputs(inputs).build());
    assertThat(r.render("SELECT * FROM hive.events.{{ .Inputs.table }} WHERE ds = '{{ .Inputs.ds }}' AND min = "
        + "{{ .Inputs.min }} LIMIT {{$inputs.min}}"))
        .isEqualTo("SELECT * FROM hive.events.my_table WHERE ds = '1900-01-01T01:01:01.000000001Z' AND min = 15 "
            + "LIMIT 15");
  }

  @Test
  void inputNamesAreCaseSensitive() {
    LiteralMap inputs = LiteralMap.newBuilder().putLiterals("limit", prim(Primitive.newBuilder().setInteger(3)
        .build())).build();
    TemplateRenderer r = new TemplateRenderer(base().inputs(inputs).build());
    assertThat(r.render("limit {{.INPUTS.limit}}")).isEqualTo("limit 3");
    assertThatThrownBy(() -> r.render("{{.inputs.Limit}}")).isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("requested input is not found [Limit]").hasMessageContaining("[limit]");
  }

  @Test
  void inputsUntouchedWhenTaskHasNone() {
    assertThat(render("--someArg {{ .Inputs.arr }}")).isEqualTo("--someArg {{ .Inputs.arr }}");
  }

  @Test
  void unsupportedInputKindsAreClearErrors() {
    Literal sd = Literal.newBuilder().setScalar(Scalar.newBuilder()
        .setStructuredDataset(StructuredDataset.newBuilder().setUri("s3://b/sd"))).build();
    assertThatThrownBy(() -> renderInput(sd)).isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("Input 'x' is a structured dataset scalar");
    Literal map = Literal.newBuilder().setMap(LiteralMap.getDefaultInstance()).build();
    assertThatThrownBy(() -> renderInput(map)).hasMessageContaining("is a map literal");
    Literal json = Literal.newBuilder().setScalar(Scalar.newBuilder()
        .setBinary(Binary.newBuilder().setTag("json"))).build();
    assertThatThrownBy(() -> renderInput(json)).hasMessageContaining("tag 'json'");
  }

  @Test
  void goldenTypeEngineEchoLiterals() throws IOException {
    Path dir = GOLDEN.resolve("type_engine_echo/literals");
    String[][] expected = {
        {"i", "42"},
        {"f", "3.14159"},
        {"b", "true"},
        {"s", "héllo, wörld 😀"},
        {"dt", "2024-01-15T10:30:45.123456Z"},
        {"td", "seconds:93784 nanos:500000"},
        {"li", "[1,-2,3,0,9223372036854775807]"},
        {"color", "green"},
        {"rec", "map[matrix:[[1 2.5] [] [-3]] name:rec1 note:<nil> origin:map[x:5 y:6.5] values:[3 1 2]]"},
        {"lrec", "[map[x:1 y:1.5],map[x:2 y:-2]]"},
    };
    for (String[] e : expected) {
      Literal literal = Literal.parseFrom(Files.readAllBytes(dir.resolve(e[0] + ".pb")));
      assertThat(renderInput(literal)).as(e[0]).isEqualTo(e[1]);
    }
    Literal ff = Literal.parseFrom(Files.readAllBytes(dir.resolve("ff.pb")));
    assertThat(renderInput(ff)).isEqualTo(ff.getScalar().getBlob().getUri()).isNotEmpty();
    for (String unsupported : List.of("dsf", "opt")) {
      Literal literal = Literal.parseFrom(Files.readAllBytes(dir.resolve(unsupported + ".pb")));
      assertThatThrownBy(() -> renderInput(literal)).as(unsupported).isInstanceOf(FlyteValidationException.class);
    }
  }
}
