package dev.shimkit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shimkit.image.ImageBuildResult;
import dev.shimkit.image.ImageExistence;
import dev.shimkit.image.ImageSpec;
import dev.shimkit.image.LocalRegistry;
import dev.shimkit.image.jib.JibImageBuilder;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL executors' image, built with jib (no Docker daemon) and pushed to a real registry on 127.0.0.1. The
 * base image is swapped for {@code scratch} here: public registries are out of reach in tests.
 */
class SqlImageTest {
  @RegisterExtension static final LocalRegistry REGISTRY = new LocalRegistry();
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dist;

  private ImageSpec spec() {
    return SqlImages.imageSpec(dist, REGISTRY.address()).toBuilder().baseImage("scratch").builder("jib").build();
  }

  private void distribution(String jarContent) throws Exception {
    Files.createDirectories(dist.resolve("bin"));
    Files.createDirectories(dist.resolve("lib"));
    Path launcher = Files.writeString(dist.resolve("bin/shimkit-execute"), "#!/bin/sh\nexec java ...\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(dist.resolve("lib/shimkit-sql.jar"), jarContent);
  }

  @Test
  void buildsOnceWithAStableTagThatFollowsTheDistribution() throws Exception {
    distribution("v1");
    ImageSpec spec = spec();
    assertThat(spec.imageName()).startsWith(REGISTRY.address() + "/shimkit-sql:");
    assertThat(spec().tag()).isEqualTo(spec.tag());
    assertThat(spec.exist()).isInstanceOf(ImageExistence.Missing.class);

    ImageBuildResult built = new JibImageBuilder().build(spec);
    assertThat(built.status()).isEqualTo(ImageBuildResult.Status.BUILT);
    assertThat(spec.exist()).isInstanceOf(ImageExistence.Exists.class);

    JsonNode manifest = JSON.readTree(get("shimkit-sql/manifests/" + spec.tag()));
    JsonNode config = JSON.readTree(get("shimkit-sql/blobs/" + manifest.get("config").get("digest").asText()));
    assertThat(config.get("config").get("Env").toString()).contains("SHIMKIT_HOME=/root").contains("PATH=/root/bin:");
    Map<String, Integer> modes = new HashMap<>();
    for (JsonNode layer : manifest.get("layers")) {
      byte[] blob = getBytes("shimkit-sql/blobs/" + layer.get("digest").asText());
      try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(blob)))) {
        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
          modes.put(e.getName(), e.getMode() & 0777);
        }
      }
    }
    assertThat(modes).containsEntry("root/bin/shimkit-execute", 0755).containsEntry("root/lib/shimkit-sql.jar", 0644);

    Files.writeString(dist.resolve("lib/shimkit-sql.jar"), "v2");
    assertThat(spec().tag()).isNotEqualTo(spec.tag());
  }

  private String get(String path) throws Exception {
    return new String(getBytes(path), java.nio.charset.StandardCharsets.UTF_8);
  }

  private byte[] getBytes(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(REGISTRY.url() + "/v2/" + path))
        .header("Accept", "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json")
        .build();
    HttpResponse<byte[]> r = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build()
        .send(request, HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }
}
