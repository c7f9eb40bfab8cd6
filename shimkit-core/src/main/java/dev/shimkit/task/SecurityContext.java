package dev.shimkit.task;

import flyteidl.core.Security;
import java.util.List;
import java.util.Optional;

/**
 * The security part of a task template: who it runs as, which secrets it needs and which OAuth2 tokens the
 * platform should fetch for it. Most tasks only set {@link #ofSecrets(List) secrets}.
 *
 * @param runAs the identity, or null
 * @param secrets secret requests, never null (empty when none)
 * @param tokens token requests, never null (empty when none)
 */
public record SecurityContext(Identity runAs, List<Secret> secrets, List<OAuth2TokenRequest> tokens) {

  public SecurityContext {
    secrets = secrets == null ? List.of() : List.copyOf(secrets);
    tokens = tokens == null ? List.of() : List.copyOf(tokens);
  }

  /** A context that only requests secrets. */
  public static SecurityContext ofSecrets(List<Secret> secrets) {
    return new SecurityContext(null, secrets, null);
  }

  /** A context that only requests secrets. */
  public static SecurityContext ofSecrets(Secret... secrets) {
    return new SecurityContext(null, List.of(secrets), null);
  }

  /** True when nothing is set: no identity, no secrets, no tokens. */
  public boolean isEmpty() {
    return runAs == null && secrets.isEmpty() && tokens.isEmpty();
  }

  /**
   * The IDL {@code core.SecurityContext}, or empty when nothing is set (flytekit returns {@code None} then, and
   * the template carries no security context). An empty list counts as not set.
   */
  public Optional<Security.SecurityContext> toIdl() {
    if (isEmpty()) {
      return Optional.empty();
    }
    Security.SecurityContext.Builder b = Security.SecurityContext.newBuilder();
    if (runAs != null) {
      b.setRunAs(runAs.toIdl());
    }
    secrets.forEach(s -> b.addSecrets(s.toIdl()));
    tokens.forEach(t -> b.addTokens(t.toIdl()));
    return Optional.of(b.build());
  }

  /** Reads a {@code core.SecurityContext}; an empty {@code run_as} message reads as no identity. */
  public static SecurityContext fromIdl(Security.SecurityContext idl) {
    return new SecurityContext(
        idl.hasRunAs() && idl.getRunAs().getSerializedSize() > 0 ? Identity.fromIdl(idl.getRunAs()) : null,
        idl.getSecretsList().stream().map(Secret::fromIdl).toList(),
        idl.getTokensList().stream().map(OAuth2TokenRequest::fromIdl).toList());
  }
}
