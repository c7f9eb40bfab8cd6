package dev.shimkit.task;

import flyteidl.core.Security;

/**
 * Who the task runs as: an IAM role, a Kubernetes service account, an OAuth2 client and/or an execution
 * identity. Every part is optional (null when not given); empty IDL strings read back as null.
 */
public record Identity(String iamRole, String k8sServiceAccount, OAuth2Client oauth2Client,
    String executionIdentity) {

  /** Runs as the given Kubernetes service account. */
  public static Identity ofServiceAccount(String k8sServiceAccount) {
    return new Identity(null, k8sServiceAccount, null, null);
  }

  /** Runs with the given IAM role. */
  public static Identity ofIamRole(String iamRole) {
    return new Identity(iamRole, null, null, null);
  }

  public Security.Identity toIdl() {
    Security.Identity.Builder b = Security.Identity.newBuilder();
    if (iamRole != null && !iamRole.isEmpty()) {
      b.setIamRole(iamRole);
    }
    if (k8sServiceAccount != null && !k8sServiceAccount.isEmpty()) {
      b.setK8SServiceAccount(k8sServiceAccount);
    }
    if (oauth2Client != null) {
      b.setOauth2Client(oauth2Client.toIdl());
    }
    if (executionIdentity != null && !executionIdentity.isEmpty()) {
      b.setExecutionIdentity(executionIdentity);
    }
    return b.build();
  }

  public static Identity fromIdl(Security.Identity idl) {
    return new Identity(blankToNull(idl.getIamRole()), blankToNull(idl.getK8SServiceAccount()),
        idl.hasOauth2Client() && idl.getOauth2Client().getSerializedSize() > 0
            ? OAuth2Client.fromIdl(idl.getOauth2Client()) : null,
        blankToNull(idl.getExecutionIdentity()));
  }

  private static String blankToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
