package dev.shimkit.shim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shimkit.testing.Golden;
import dev.shimkit.types.StructuredDataset;
import dev.shimkit.types.TypeEngine;
import flyteidl.core.Tasks.TaskTemplate;
import org.junit.jupiter.api.Test;

/** The SQLite3Task template flytekit 1.15.4 wrote parses, guesses to Java types and re-serializes unchanged. */
class FlytekitTemplateTest {

  @Test
  void goldenSqliteTemplateGuessesAndRoundTrips() throws Exception {
    byte[] bytes = Golden.bytes("sqlite3_task.task_template.pb");
    TaskTemplate template = TaskTemplate.parseFrom(bytes);
    ExecutableTemplateShimTask shim = new ExecutableTemplateShimTask(template, SampleTasksExecutor.class);
    assertThat(shim.name()).isEqualTo("pyref.sqlite_tracks");
    assertThat(shim.taskType()).isEqualTo("sqlite");
    assertThat(shim.getTypeForInputVar("limit")).isEqualTo(Long.class);
    assertThat(shim.getTypeForOutputVar("results")).isEqualTo(StructuredDataset.class);
    assertThat(TypeEngine.get().guessJavaType(template.getInterface().getOutputs().getVariablesMap()
        .get("results").getType())).isEqualTo(StructuredDataset.class);
    assertThat(shim.taskTemplate().toByteArray()).isEqualTo(bytes);
    assertThat(TaskTemplate.parseFrom(template.toByteArray())).isEqualTo(template);
  }

  /** Any executor will do: the template is only inspected here. */
  public static final class SampleTasksExecutor implements ShimTaskExecutor {
    @Override
    public Object executeFromModel(TaskTemplate template, java.util.Map<String, Object> inputs) {
      return null;
    }
  }
}
