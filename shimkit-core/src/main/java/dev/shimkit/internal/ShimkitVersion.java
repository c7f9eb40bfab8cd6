package dev.shimkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build of shimkit, written into every template's runtime metadata. */
public final class ShimkitVersion {
  private static final String VERSION = load();

  private ShimkitVersion() {
  }

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = ShimkitVersion.class.getResourceAsStream("/dev/shimkit/shimkit-version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
