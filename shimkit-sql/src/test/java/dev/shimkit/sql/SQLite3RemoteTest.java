package dev.shimkit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shimkit.config.SerializationSettings;
import dev.shimkit.context.FlyteContext;
import dev.shimkit.context.FlyteContextManager;
import dev.shimkit.runtime.LocalBackendRunner;
import dev.shimkit.runtime.TaskAttemptResult;
import dev.shimkit.s3.S3DataPersistence;
import dev.shimkit.s3.S3TestServer;
import dev.shimkit.storage.FileAccessProvider;
import dev.shimkit.types.StructuredDataset;
import dev.shimkit.types.StructuredDatasets;
import dev.shimkit.types.TableCursor;
import flyteidl.core.Literals;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite3Task with the database and outputs on S3 (in-process), and through the local backend runner (a real
 * task process) with the database on disk and on S3.
 */
class SQLite3RemoteTest {
  private static final String BUCKET = "sqltest";
  static S3TestServer s3;
  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3TestServer.start();
    s3.createBucket(BUCKET);
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  private FlyteContext s3Context(String rawPrefix) {
    return FlyteContext.root(new FileAccessProvider(dir.resolve("sandbox"), rawPrefix)
        .withPersistence(new S3DataPersistence(s3.settings())));
  }

  private String uploadArchive(TestDatabases.Format format) throws Exception {
    Path db = TestDatabases.mixed(dir.resolve("src-" + format));
    Path archive = TestDatabases.archive(dir.resolve("mixed" + TestDatabases.extension(format)), format,
        "mixed.db", db);
    String uri = "s3://" + BUCKET + "/dbs/" + archive.getFileName();
    s3Context("s3://" + BUCKET + "/raw").fileAccess().putData(archive, uri, false);
    return uri;
  }

  @Test
  void inProcessWithDatabaseAndOutputsOnS3() throws Exception {
    for (TestDatabases.Format format : TestDatabases.Format.values()) {
      String uri = uploadArchive(format);
      SQLite3Task task = SQLite3Task.builder("t.s3").query("select * from mixed order by rowid")
          .database(uri, true).build();
      FlyteContext ctx = s3Context("s3://" + BUCKET + "/raw");
      try (FlyteContextManager.Scope scope = FlyteContextManager.push(ctx)) {
        StructuredDataset sd = (StructuredDataset) task.localExecute(Map.of()).get("results");
        assertThat(sd.uri()).startsWith("s3://" + BUCKET + "/raw/");
        try (TableCursor c = StructuredDatasets.open(ctx, sd)) {
          SQLite3TaskTest.assertMixedRows(c.columns(), c.readAll());
        }
      }
    }
  }

  private LocalBackendRunner runner(String storageRoot) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return LocalBackendRunner.builder().storageRoot(storageRoot).workDir(dir.resolve("backend"))
        .launcher(List.of(java, "-cp", System.getProperty("java.class.path"), "dev.shimkit.runtime.ShimkitExecute"))
        .environment(s3.environment()).build();
  }

  private static LiteralMap limit(long n) {
    return LiteralMap.newBuilder().putLiterals("min", Literals.Literal.newBuilder().setScalar(
        Literals.Scalar.newBuilder().setPrimitive(Literals.Primitive.newBuilder().setInteger(n))).build()).build();
  }

  @Test
  void throughTheLocalBackendRunnerOnDiskAndOnS3() throws Exception {
    Path db = TestDatabases.mixed(dir.resolve("src"));
    Path tarGz = TestDatabases.archive(dir.resolve("mixed.tar.gz"), TestDatabases.Format.TAR_GZ, "mixed.db", db);
    String s3Db = uploadArchive(TestDatabases.Format.TAR_XZ);
    record Case(String storage, String database) {
    }
    for (Case c : List.of(new Case(dir.resolve("store").toString(), tarGz.toString()),
        // the runner's own storage client reads this process's environment, so node data stays on disk here;
        // the task process gets the S3 settings and reads the database from S3
        new Case(dir.resolve("store2").toString(), s3Db))) {
      SQLite3Task task = SQLite3Task.builder("t.backend")
          .query("select * from mixed where id is null or id >= {{.inputs.min}} order by rowid")
          .input("min", Long.class).database(c.database(), true).build();
      TaskTemplate template = task.serializeToModel(SerializationSettings.forImage("img:1", "v1", "p", "d"));
      TaskAttemptResult result = runner(c.storage()).run(template, limit(0), "n0");
      assertThat(result).as(result.toString()).isInstanceOf(TaskAttemptResult.Succeeded.class);
      LiteralMap outputs = ((TaskAttemptResult.Succeeded) result).outputs();
      Literals.StructuredDataset sd = outputs.getLiteralsOrThrow("results").getScalar().getStructuredDataset();
      assertThat(sd.getMetadata().getStructuredDatasetType().getFormat()).isEqualTo("parquet");
      assertThat(sd.getUri()).startsWith(c.storage());
      FlyteContext ctx = s3Context("s3://" + BUCKET + "/raw");
      try (TableCursor cursor = StructuredDatasets.open(ctx, StructuredDataset.of(sd.getUri()))) {
        SQLite3TaskTest.assertMixedRows(cursor.columns(), cursor.readAll());
      }
    }
  }
}
