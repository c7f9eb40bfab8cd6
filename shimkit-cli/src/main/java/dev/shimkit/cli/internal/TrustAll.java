package dev.shimkit.cli.internal;

import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/** Accepts any server certificate: only for {@code admin.insecureSkipVerify: true}, as flytectl offers it. */
public final class TrustAll implements X509TrustManager {
  public static final TrustAll INSTANCE = new TrustAll();

  private TrustAll() {
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) {
    // not a server
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {
    // insecureSkipVerify: trusted by configuration
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
