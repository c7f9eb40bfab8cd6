package dev.shimkit.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteValidationException;
import flyteidl.core.Security;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityContextTest {

  @Test
  void nothingSetGivesNoIdlLikeFlytekitsNone() {
    assertThat(new SecurityContext(null, null, null).toIdl()).isEmpty();
    assertThat(SecurityContext.ofSecrets(List.of()).toIdl()).isEmpty();
    assertThat(new SecurityContext(null, null, null).isEmpty()).isTrue();
  }

  @Test
  void secretsOnly() {
    Security.SecurityContext idl = SecurityContext.ofSecrets(Secret.of("db", "pw"), Secret.of("aws")).toIdl()
        .orElseThrow();
    assertThat(idl.hasRunAs()).isFalse();
    assertThat(idl.getSecretsList()).containsExactly(
        Security.Secret.newBuilder().setGroup("db").setKey("pw").build(),
        Security.Secret.newBuilder().setGroup("aws").build());
    assertThat(idl.getTokensCount()).isZero();
    // secrets is field 2 of SecurityContext
    assertThat(idl.toByteArray()[0]).isEqualTo((byte) 0x12);
  }

  @Test
  void fullContextRoundTrips() {
    OAuth2Client client = new OAuth2Client("my-client", Secret.of("oauth", "client-secret"));
    Identity identity = new Identity("arn:aws:iam::1:role/r", "sa", client, "me@example.com");
    OAuth2TokenRequest token = new OAuth2TokenRequest("tok", null, client, "https://idp/.well-known", "https://idp/token");
    SecurityContext ctx = new SecurityContext(identity, List.of(Secret.of("db", "pw")), List.of(token));

    Security.SecurityContext idl = ctx.toIdl().orElseThrow();

    assertThat(idl.getRunAs()).isEqualTo(Security.Identity.newBuilder().setIamRole("arn:aws:iam::1:role/r")
        .setK8SServiceAccount("sa").setExecutionIdentity("me@example.com")
        .setOauth2Client(Security.OAuth2Client.newBuilder().setClientId("my-client")
            .setClientSecret(Security.Secret.newBuilder().setGroup("oauth").setKey("client-secret")))
        .build());
    assertThat(idl.getTokens(0)).isEqualTo(Security.OAuth2TokenRequest.newBuilder().setName("tok")
        .setType(Security.OAuth2TokenRequest.Type.CLIENT_CREDENTIALS).setClient(idl.getRunAs().getOauth2Client())
        .setIdpDiscoveryEndpoint("https://idp/.well-known").setTokenEndpoint("https://idp/token").build());
    assertThat(token.type()).isEqualTo(OAuth2TokenRequest.Type.CLIENT_CREDENTIALS);

    SecurityContext back = SecurityContext.fromIdl(idl);
    assertThat(back).isEqualTo(ctx);
    assertThat(back.toIdl()).contains(idl);
  }

  @Test
  void emptyIdlPartsReadBackAsAbsent() {
    Security.SecurityContext idl = Security.SecurityContext.newBuilder()
        .setRunAs(Security.Identity.getDefaultInstance())
        .addTokens(Security.OAuth2TokenRequest.newBuilder().setName("t"))
        .build();
    SecurityContext ctx = SecurityContext.fromIdl(idl);
    assertThat(ctx.runAs()).isNull();
    assertThat(ctx.secrets()).isEmpty();
    assertThat(ctx.tokens()).containsExactly(new OAuth2TokenRequest("t", null, null, null, null));

    Identity partial = Identity.fromIdl(Security.Identity.newBuilder().setK8SServiceAccount("sa")
        .setOauth2Client(Security.OAuth2Client.getDefaultInstance()).build());
    assertThat(partial).isEqualTo(Identity.ofServiceAccount("sa"));
    assertThat(Identity.ofIamRole("r").toIdl()).isEqualTo(Security.Identity.newBuilder().setIamRole("r").build());
  }

  @Test
  void singleIdentityOnly() {
    SecurityContext ctx = new SecurityContext(Identity.ofServiceAccount("sa"), null, null);
    assertThat(ctx.toIdl().orElseThrow()).isEqualTo(Security.SecurityContext.newBuilder()
        .setRunAs(Security.Identity.newBuilder().setK8SServiceAccount("sa")).build());
    assertThat(OAuth2TokenRequest.of("t", null).toIdl().hasClient()).isFalse();
    assertThat(new OAuth2Client("id", null).toIdl().hasClientSecret()).isFalse();
  }

  @Test
  void listsAreCopiedAndNamesRequired() {
    List<Secret> list = new java.util.ArrayList<>(List.of(Secret.of("a")));
    SecurityContext ctx = SecurityContext.ofSecrets(list);
    list.add(Secret.of("b"));
    assertThat(ctx.secrets()).hasSize(1);
    assertThatThrownBy(() -> ctx.secrets().add(Secret.of("c"))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> new OAuth2TokenRequest(null, null, null, null, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new OAuth2Client(null, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> OAuth2TokenRequest.fromIdl(Security.OAuth2TokenRequest.newBuilder().setName("x")
        .setTypeValue(7).build())).isInstanceOf(FlyteValidationException.class).hasMessageContaining("type 7");
  }
}
