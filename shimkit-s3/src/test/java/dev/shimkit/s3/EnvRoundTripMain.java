package dev.shimkit.s3;

import dev.shimkit.storage.FileAccessProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link FileAccessProviderS3Test}: configured by nothing but the environment it was
 * started with, it moves data through a plain {@link FileAccessProvider}, so the s3:// provider is the one
 * {@link java.util.ServiceLoader} finds. Arguments: sandbox dir, raw output prefix, a local directory to
 * upload. Prints the remote directory; exit code 3 and the message on failure.
 */
public final class EnvRoundTripMain {
  private EnvRoundTripMain() {}

  public static void main(String[] args) throws Exception {
    try {
      FileAccessProvider fap = new FileAccessProvider(Path.of(args[0]), args[1]);
      String remoteDir = fap.putData(Path.of(args[2]), fap.getRandomRemoteDirectory(), true);
      fap.putBytes("done".getBytes(StandardCharsets.UTF_8), FileAccessProvider.join(remoteDir, "_SUCCESS"));
      Path back = fap.getData(remoteDir, fap.getRandomLocalPath(), true);
      if (!Files.readString(back.resolve("_SUCCESS")).equals("done")) {
        throw new IllegalStateException("round trip lost _SUCCESS");
      }
      System.out.println(remoteDir);
    } catch (RuntimeException e) {
      System.out.println("FAILED " + e.getClass().getSimpleName() + ": " + e.getMessage());
      System.exit(3);
    }
  }
}
