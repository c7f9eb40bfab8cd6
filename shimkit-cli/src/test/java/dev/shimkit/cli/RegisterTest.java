package dev.shimkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteUserException;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterTest {
  private final FakeAdmin admin = new FakeAdmin();
  private final List<Server> servers = new ArrayList<>();
  private final List<ManagedChannel> channels = new ArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    channels.forEach(ManagedChannel::shutdownNow);
    for (Server s : servers) {
      s.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private AdminConnection inProcess() throws Exception {
    String name = InProcessServerBuilder.generateName();
    servers.add(InProcessServerBuilder.forName(name).directExecutor().addService(admin).build().start());
    ManagedChannel ch = InProcessChannelBuilder.forName(name).directExecutor().build();
    channels.add(ch);
    return AdminConnection.over(ch, AdminConfig.of(name, true), Map.of());
  }

  private int tcpServer() throws Exception {
    Server s = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(admin).build().start();
    servers.add(s);
    return s.getPort();
  }

  private static List<SerializedEntity> pyrefPackage(@TempDir Path dir) {
    Path tgz = dir.resolve("p.tgz");
    CliRunner.Result r = PackageCommandTest.packagePyref(tgz);
    assertThat(r.code()).as(r.toString()).isZero();
    return PackageFiles.read(List.of(tgz));
  }

  @Test
  void createsEveryEntityWithFilledIdsAndASecondRunIsANoOp(@TempDir Path dir) throws Exception {
    List<SerializedEntity> entities = pyrefPackage(dir);
    Registrar registrar = new Registrar(inProcess(), "flytesnacks", "development", "v1", false);
    List<Registrar.Result> first = registrar.register(entities, r -> { });
    assertThat(first).extracting(Registrar.Result::outcome).containsOnly(Registrar.Outcome.CREATED);
    assertThat(admin.registered).hasSize(6);
    TaskCreateRequest addOne = (TaskCreateRequest) admin.received.get(1);
    assertThat(addOne.getId()).isEqualTo(Identifier.newBuilder().setResourceType(ResourceType.TASK)
        .setProject("flytesnacks").setDomain("development").setName("pyref_tasks.add_one").setVersion("v1").build());
    assertThat(addOne.getSpec().getTemplate().getId()).isEqualTo(addOne.getId());

    List<Registrar.Result> second = registrar.register(entities, r -> { });
    assertThat(second).extracting(Registrar.Result::outcome).containsOnly(Registrar.Outcome.ALREADY_EXISTS);
    assertThat(admin.registered).hasSize(6);
  }

  @Test
  void aDifferentSpecUnderTheSameVersionIsAClearError(@TempDir Path dir) throws Exception {
    List<SerializedEntity> entities = pyrefPackage(dir);
    AdminConnection connection = inProcess();
    new Registrar(connection, "p", "d", "v1", false).register(entities.subList(1, 2), r -> { });
    TaskSpec changed = ((TaskSpec) entities.get(1).spec()).toBuilder()
        .setTemplate(((TaskSpec) entities.get(1).spec()).getTemplate().toBuilder().setType("changed")).build();
    assertThatThrownBy(() -> new Registrar(connection, "p", "d", "v1", false)
        .register(List.of(SerializedEntity.of(changed)), r -> { }))
        .isInstanceOf(FlyteUserException.class)
        .hasMessageContaining("task pyref_tasks.add_one (project p, domain d, version v1)")
        .hasMessageContaining("already exists with a different spec")
        .hasMessageContaining("new version (-v)");
    assertThat(new Registrar(connection, "p", "d", "v2", false).register(List.of(SerializedEntity.of(changed)),
        r -> { })).extracting(Registrar.Result::outcome).containsExactly(Registrar.Outcome.CREATED);
  }

  @Test
  void cliRegistersPackagesOverTcpAndTheSecondRunChangesNothing(@TempDir Path dir) throws Exception {
    int port = tcpServer();
    String[] args = {"register", "--pkgs", PackageCommandTest.PYREF, "-i", PackageCommandTest.FLYTEKIT_IMAGE, "-i",
        "greeter=ghcr.io/acme/greeter:2.1", "-p", "flytesnacks", "-d", "development", "-v", "v7", "--endpoint",
        "127.0.0.1:" + port, "--insecure"};
    CliRunner.Result first = CliRunner.run(args);
    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(first.out()).contains("registered task pyref_tasks.add_one version v7")
        .contains("6 created, 0 already registered");
    assertThat(admin.registered.keySet()).extracting(Identifier::getName).containsExactly(
        "pyref_tasks.nested_double", "pyref_tasks.add_one", "pyref_tasks.failing", "pyref.hello", "pyref.howdy",
        "pyref_tasks.stats");
    CliRunner.Result second = CliRunner.run(args);
    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(second.out()).contains("0 created, 6 already registered");
    assertThat(admin.registered).hasSize(6);
    assertThat(admin.received).hasSize(12);
  }

  @Test
  void cliRegistersArchivesLikeFlytectlRegisterFiles(@TempDir Path dir) throws Exception {
    int port = tcpServer();
    Path tgz = dir.resolve("p.tgz");
    assertThat(PackageCommandTest.packagePyref(tgz).code()).isZero();
    CliRunner.Result r = CliRunner.run("register", "files", tgz.toString(), "-p", "flytesnacks", "-d", "staging", "-v",
        "v3", "--endpoint", "127.0.0.1:" + port, "--insecure");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(admin.registered.keySet()).allMatch(id -> id.getProject().equals("flytesnacks")
        && id.getDomain().equals("staging") && id.getVersion().equals("v3")).hasSize(6);
  }

  @Test
  void registerFilesTakesPyflytesOwnPackageFiles() throws Exception {
    int port = tcpServer();
    CliRunner.Result r = CliRunner.run("register", "files", PackageCommandTest.GOLDEN.toString(), "-p", "p", "-d", "d",
        "-v", "v1", "--endpoint", "127.0.0.1:" + port, "--insecure");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(admin.registered.keySet()).extracting(Identifier::getName)
        .containsExactly("pyref.sqlite_tracks", "pyref_tasks.add_one");
  }

  @Test
  void manyEntitiesOnATerminalShowAProgressBar(@TempDir Path dir) throws Exception {
    int port = tcpServer();
    CliRunner.Result r = CliRunner.run(Map.of(), dir, true, "register", "--pkgs", "dev.shimkit.cli.fixtures.many",
        "-i", "ghcr.io/a/b:1", "-p", "p", "-d", "d", "-v", "v1", "--endpoint", "127.0.0.1:" + port, "--insecure");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).contains("\r[").contains("] 12/12 ").contains("12 created, 0 already registered");
    assertThat(r.out()).doesNotContain("registered task");
  }

  @Test
  void missingTargetIsAUsageErrorAndAnUnreachableAdminAnError(@TempDir Path dir) throws Exception {
    CliRunner.Result missing = CliRunner.run("register", "--pkgs", PackageCommandTest.PYREF, "-d", "d");
    assertThat(missing.code()).isEqualTo(Shimkit.USAGE);
    assertThat(missing.err()).contains("--project").contains("--version");
    int port = tcpServer();
    servers.get(0).shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    Path tgz = dir.resolve("p.tgz");
    assertThat(PackageCommandTest.packagePyref(tgz).code()).isZero();
    CliRunner.Result down = CliRunner.run("register", "files", tgz.toString(), "-p", "p", "-d", "d", "-v", "v",
        "--endpoint", "127.0.0.1:" + port, "--insecure");
    assertThat(down.code()).isEqualTo(Shimkit.ERROR);
    assertThat(down.err()).contains("Cannot reach Flyte Admin at 127.0.0.1:" + port);
    CliRunner.Result noEndpoint = CliRunner.run("register", "files", tgz.toString(), "-p", "p", "-d", "d", "-v", "v");
    assertThat(noEndpoint.code()).isEqualTo(Shimkit.ERROR);
    assertThat(noEndpoint.err()).contains("No Flyte Admin endpoint");
  }
}
