package dev.shimkit.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.context.ExecutionState;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.errors.FlyteValidationException;
import flyteidl.core.Security;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretTest {

  @Test
  void toIdlWritesEveryFieldWithItsNumber() throws Exception {
    Secret s = Secret.builder("db").key("password").groupVersion("v2").mountRequirement(Secret.MountType.ENV_VAR)
        .envVar("DB_PASSWORD").build();

    Security.Secret idl = s.toIdl();

    assertThat(idl).isEqualTo(Security.Secret.newBuilder().setGroup("db").setGroupVersion("v2").setKey("password")
        .setMountRequirement(Security.Secret.MountType.ENV_VAR).setEnvVar("DB_PASSWORD").build());
    // field numbers per flyteidl/core/security.proto: group=1, group_version=2, key=3, mount_requirement=4, env_var=5
    assertThat(idl.toByteArray()).containsExactly(0x0a, 2, 'd', 'b', 0x12, 2, 'v', '2',
        0x1a, 8, 'p', 'a', 's', 's', 'w', 'o', 'r', 'd', 0x20, 1,
        0x2a, 11, 'D', 'B', '_', 'P', 'A', 'S', 'S', 'W', 'O', 'R', 'D');
    assertThat(Secret.fromIdl(idl)).isEqualTo(s);
  }

  @Test
  void absentPartsStayEmptyAndReadBackAbsent() {
    Secret s = Secret.of("aws");
    Security.Secret idl = s.toIdl();
    assertThat(idl.toByteArray()).containsExactly(0x0a, 3, 'a', 'w', 's');
    Secret back = Secret.fromIdl(idl);
    assertThat(back.key()).isEmpty();
    assertThat(back.groupVersion()).isEmpty();
    assertThat(back.envVar()).isEmpty();
    assertThat(back.mountRequirement()).isEqualTo(Secret.MountType.ANY);
    assertThat(back).isEqualTo(s).hasSameHashCodeAs(s);
  }

  @Test
  void fromIdlAcceptsAMissingGroup() {
    Secret s = Secret.fromIdl(Security.Secret.newBuilder().setKey("k").build());
    assertThat(s.group()).isEmpty();
    assertThat(s.key()).contains("k");
  }

  @Test
  void groupIsRequiredWhenDeclared() {
    assertThatThrownBy(() -> Secret.builder(null).key("k").build())
        .isInstanceOf(FlyteValidationException.class)
        .hasMessageContaining("group is a required parameter");
  }

  @Test
  void groupIsNotRequiredInsideAnExecution(@TempDir Path dir) {
    FlyteContext ctx = FlyteContextManager.current();
    ExecutionState state = ctx.newExecutionState(dir);
    try (var scope = FlyteContextManager.push(ctx.withExecutionState(state))) {
      assertThat(Secret.builder(null).key("k").build().group()).isEmpty();
    }
  }

  @Test
  void envVarMustBeAValidName() {
    for (String bad : new String[] {"lower", "1ABC", "A-B", "", "A B"}) {
      assertThatThrownBy(() -> Secret.builder("g").envVar(bad).build())
          .isInstanceOf(FlyteValidationException.class)
          .hasMessageContaining("invalid environment variable name \"" + bad + "\"");
    }
    assertThat(Secret.builder("g").envVar("_A1").build().envVar()).contains("_A1");
  }

  @Test
  void toStringShowsGroupAndKeyOnly() {
    Secret s = Secret.builder("db").key("pw").envVar("DB_PW").groupVersion("v1").build();
    assertThat(s).hasToString("Secret(group=db, key=pw)");
    assertThat(Secret.of("db")).hasToString("Secret(group=db)");
  }

  @Test
  void toBuilderCopies() {
    Secret s = Secret.builder("db").key("pw").mountRequirement(Secret.MountType.FILE).build();
    assertThat(s.toBuilder().build()).isEqualTo(s);
    assertThat(s.toBuilder().key("other").build()).isNotEqualTo(s);
    assertThat(Secret.of("db", "pw")).isNotEqualTo(s);
  }

  @Test
  void mountTypesMapToIdlBothWays() {
    for (Secret.MountType m : Secret.MountType.values()) {
      assertThat(Secret.MountType.fromIdl(m.toIdl())).isEqualTo(m);
      assertThat(m.toIdl().name()).isEqualTo(m.name());
    }
    assertThatThrownBy(() -> Secret.MountType.fromIdl(Security.Secret.MountType.UNRECOGNIZED))
        .isInstanceOf(FlyteValidationException.class);
  }
}
