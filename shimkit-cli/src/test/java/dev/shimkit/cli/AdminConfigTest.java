package dev.shimkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteUserException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminConfigTest {
  private static final String FLYTECTL_YAML = """
      admin:
        # For GRPC endpoints you might want to use dns:///flyte.myexample.com
        endpoint: dns:///flyte.example.com:443
        insecure: false
        authType: ClientSecret
        clientId: ci-app
        clientSecretLocation: /etc/secrets/client_secret
        scopes:
          - all
        audience: flyte
      logger:
        show-source: true
        level: 0
      """;

  @Test
  void readsFlytectlsAdminSection(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("config.yaml"), FLYTECTL_YAML);
    AdminConfig c = AdminConfig.load(f, Map.of(), dir);
    assertThat(c.endpoint()).isEqualTo("dns:///flyte.example.com:443");
    assertThat(c.insecure()).isFalse();
    assertThat(c.authType()).isEqualTo(AdminConfig.AuthType.CLIENT_SECRET);
    assertThat(c.clientId()).isEqualTo("ci-app");
    assertThat(c.clientSecretLocation()).isEqualTo("/etc/secrets/client_secret");
    assertThat(c.scopes()).containsExactly("all");
    assertThat(c.audience()).isEqualTo("flyte");
    assertThat(c.authorizationHeader()).isEqualTo("authorization");
  }

  @Test
  void environmentOverridesTheFile(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("config.yaml"), FLYTECTL_YAML);
    AdminConfig c = AdminConfig.load(null, Map.of(AdminConfig.CONFIG_ENV_VAR, f.toString(),
        "FLYTE_PLATFORM_URL", "localhost:30080", "FLYTE_PLATFORM_INSECURE", "True",
        "FLYTE_CREDENTIALS_CLIENT_ID", "other", "FLYTE_CREDENTIALS_SCOPES", "a, b"), dir);
    assertThat(c.endpoint()).isEqualTo("localhost:30080");
    assertThat(c.insecure()).isTrue();
    assertThat(c.clientId()).isEqualTo("other");
    assertThat(c.scopes()).containsExactly("a", "b");
    assertThat(c.clientSecretLocation()).isEqualTo("/etc/secrets/client_secret");
  }

  @Test
  void defaultFileIsInTheHomeDirectoryAndNoFileMeansNoEndpoint(@TempDir Path dir) throws Exception {
    assertThat(AdminConfig.load(null, Map.of(), dir).endpointIfAny()).isEmpty();
    Files.createDirectories(dir.resolve(".flyte"));
    Files.writeString(dir.resolve(".flyte/config.yaml"), "admin:\n  endpoint: localhost:30080\n  insecure: true\n");
    AdminConfig c = AdminConfig.load(null, Map.of(), dir);
    assertThat(c.endpoint()).isEqualTo("localhost:30080");
    assertThat(c.insecure()).isTrue();
    assertThat(c.authType()).isEqualTo(AdminConfig.AuthType.NONE);
  }

  @Test
  void flytekitSecretVariableIsUsedWhenNoOtherSecretIsConfigured(@TempDir Path dir) {
    AdminConfig c = AdminConfig.load(null, Map.of("FLYTE_CREDENTIALS_AUTH_MODE", "client_credentials",
        "FLYTE_CREDENTIALS_CLIENT_SECRET", "x"), dir);
    assertThat(c.authType()).isEqualTo(AdminConfig.AuthType.CLIENT_SECRET);
    assertThat(c.clientSecretEnvVar()).isEqualTo(AdminConfig.CLIENT_SECRET_ENV_VAR);
    assertThat(c.toString()).doesNotContain("=x,").doesNotContain("=x)");
  }

  @Test
  void badValuesAreNamed(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> AdminConfig.load(null, Map.of("FLYTE_CREDENTIALS_AUTH_MODE", "Pkce"), dir))
        .isInstanceOf(FlyteUserException.class).hasMessageContaining("Pkce").hasMessageContaining("ClientSecret");
    assertThatThrownBy(() -> AdminConfig.load(null, Map.of("FLYTE_PLATFORM_INSECURE", "maybe"), dir))
        .isInstanceOf(FlyteUserException.class).hasMessageContaining("FLYTE_PLATFORM_INSECURE");
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "admin: [unclosed");
    assertThatThrownBy(() -> AdminConfig.load(bad, Map.of(), dir)).isInstanceOf(FlyteUserException.class)
        .hasMessageContaining("bad.yaml");
    assertThatThrownBy(() -> AdminConfig.load(dir.resolve("none.yaml"), Map.of(), dir))
        .isInstanceOf(FlyteUserException.class).hasMessageContaining("does not exist");
    assertThat(List.of(AdminConfig.parseAuthType("basic"), AdminConfig.parseAuthType(null)))
        .containsExactly(AdminConfig.AuthType.CLIENT_SECRET, AdminConfig.AuthType.NONE);
  }
}
