package dev.shimkit.cli;

import com.google.protobuf.Message;
import dev.shimkit.cli.internal.Ids;
import dev.shimkit.errors.FlyteSystemException;
import dev.shimkit.errors.FlyteUserException;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateRequest;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.service.AdminServiceGrpc.AdminServiceBlockingStub;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Registers entities with Flyte Admin ({@code CreateTask}, {@code CreateWorkflow}, {@code CreateLaunchPlan}) in
 * the order given, after filling empty project/domain/version as {@code flytectl register files} does. An entity
 * that already exists with the same spec ({@code ALREADY_EXISTS}) counts as done, so registering twice is a no-op;
 * one that exists with a different spec stops the run with an error saying to pick a new version.
 */
public final class Registrar {
  /** How one entity's registration ended. */
  public enum Outcome { CREATED, ALREADY_EXISTS }

  /** One registered entity: the id it was registered under and how it ended. */
  public record Result(EntityKind kind, Identifier id, Outcome outcome) {
  }

  /** Told about each entity as it is registered (for progress output). */
  public interface Listener {
    default void started(int total) {
    }

    void registered(Result result);

    default void finished() {
    }
  }

  private final AdminConnection connection;
  private final String project;
  private final String domain;
  private final String version;
  private final boolean forceVersion;

  /**
   * @param connection where to register
   * @param project project for ids that have none
   * @param domain domain for ids that have none
   * @param version version for ids that have none (or for all with {@code forceVersion})
   */
  public Registrar(AdminConnection connection, String project, String domain, String version, boolean forceVersion) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.project = require(project, "project (-p)");
    this.domain = require(domain, "domain (-d)");
    this.version = require(version, "version (-v)");
    this.forceVersion = forceVersion;
  }

  /** Registers all {@code entities} in order and returns what happened to each. */
  public List<Result> register(List<SerializedEntity> entities, Listener listener) {
    listener.started(entities.size());
    List<Result> results = new ArrayList<>();
    try {
      for (SerializedEntity e : entities) {
        Result r = registerOne(e);
        results.add(r);
        listener.registered(r);
      }
    } finally {
      listener.finished();
    }
    return List.copyOf(results);
  }

  private Result registerOne(SerializedEntity entity) {
    Message spec = Ids.hydrate(entity.spec(), project, domain, version, forceVersion);
    Identifier id = Ids.idOf(spec).toBuilder().setResourceType(resourceType(entity.kind())).build();
    AdminServiceBlockingStub admin = connection.admin().withDeadlineAfter(60, TimeUnit.SECONDS);
    try {
      switch (entity.kind()) {
        case TASK -> admin.createTask(TaskCreateRequest.newBuilder().setId(id).setSpec((TaskSpec) spec).build());
        case WORKFLOW -> admin.createWorkflow(WorkflowCreateRequest.newBuilder().setId(id)
            .setSpec((WorkflowSpec) spec).build());
        case LAUNCH_PLAN -> admin.createLaunchPlan(LaunchPlanCreateRequest.newBuilder().setId(id)
            .setSpec(((LaunchPlan) spec).getSpec()).build());
        default -> throw new IllegalStateException(entity.kind().toString());
      }
      return new Result(entity.kind(), id, Outcome.CREATED);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
        return new Result(entity.kind(), id, Outcome.ALREADY_EXISTS);
      }
      throw failure(entity.kind(), id, e);
    }
  }

  private RuntimeException failure(EntityKind kind, Identifier id, StatusRuntimeException e) {
    String what = kind.label() + " " + id.getName() + " (project " + id.getProject() + ", domain " + id.getDomain()
        + ", version " + id.getVersion() + ")";
    String detail = e.getStatus().getDescription() == null ? "" : e.getStatus().getDescription();
    return switch (e.getStatus().getCode()) {
      case INVALID_ARGUMENT -> detail.contains("already exists")
          ? new FlyteUserException("USER:AlreadyExistsDifferentSpec", "Cannot register " + what + ": it already "
              + "exists with a different spec. Register under a new version (-v). Admin said: " + detail, e)
          : new FlyteUserException("USER:InvalidSpec", "Flyte Admin rejected " + what + ": " + detail, e);
      case UNAUTHENTICATED, PERMISSION_DENIED -> new FlyteUserException("USER:NotAuthorized", "Flyte Admin at "
          + connection.target() + " refused " + what + " (" + e.getStatus().getCode() + ": " + detail + "). Check "
          + "admin.authType, admin.clientId and the client secret in the config file.", e);
      case NOT_FOUND, FAILED_PRECONDITION -> new FlyteUserException("USER:RegistrationFailed", "Cannot register "
          + what + ": " + detail + " (is the project created, and were its dependencies registered first?)", e);
      case UNAVAILABLE, DEADLINE_EXCEEDED -> new FlyteSystemException("SYSTEM:AdminUnavailable", "Cannot reach "
          + "Flyte Admin at " + connection.target() + " while registering " + what + ": "
          + e.getStatus().getCode() + (detail.isEmpty() ? "" : " " + detail) + ". Check admin.endpoint and "
          + "admin.insecure.", e, true);
      default -> new FlyteSystemException("SYSTEM:RegistrationFailed", "Registering " + what + " failed: "
          + e.getStatus().getCode() + " " + detail, e, false);
    };
  }

  private static ResourceType resourceType(EntityKind kind) {
    return switch (kind) {
      case TASK -> ResourceType.TASK;
      case WORKFLOW -> ResourceType.WORKFLOW;
      case LAUNCH_PLAN -> ResourceType.LAUNCH_PLAN;
    };
  }

  private static String require(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new FlyteUserException("Registration needs a " + what);
    }
    return value;
  }
}
