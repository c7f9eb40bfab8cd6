package dev.shimkit.idl;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.core.IdentifierOuterClass;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.service.AdminServiceGrpc;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IdlSmokeTest {
  private static Path golden(String name) {
    return Path.of(System.getProperty("shimkit.repo.root", ".")).resolve("../shared/golden/flytekit-1.15.4").resolve(name);
  }

  @Test
  void parsesTheTemplateFlytekitWrote() throws Exception {
    TaskTemplate template = TaskTemplate.parseFrom(Files.readAllBytes(golden("sqlite3_task.task_template.pb")));
    assertThat(template.getType()).isEqualTo("sqlite");
    assertThat(template.getId().getResourceType()).isEqualTo(IdentifierOuterClass.ResourceType.TASK);
    assertThat(template.getContainer().getArgsList()).hasSize(12)
        .startsWith("pyflyte-execute", "--inputs", "{{.input}}")
        .endsWith("{{.taskTemplatePath}}", "flytekit.extras.sqlite3.task.SQLite3TaskExecutor");
    assertThat(TaskTemplate.parseFrom(template.toByteArray())).isEqualTo(template);
    assertThat(template.toByteArray()).isEqualTo(Files.readAllBytes(golden("sqlite3_task.task_template.pb")));
  }

  @Test
  void adminServiceStubsAreGenerated() {
    assertThat(AdminServiceGrpc.getCreateTaskMethod().getFullMethodName())
        .isEqualTo("flyteidl.service.AdminService/CreateTask");
  }
}
