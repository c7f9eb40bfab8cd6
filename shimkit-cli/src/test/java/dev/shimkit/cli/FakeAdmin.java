package dev.shimkit.cli;

import com.google.protobuf.Message;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateResponse;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.TaskOuterClass.TaskCreateResponse;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateResponse;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Flyte Admin for tests, implementing the generated {@code AdminService}: it keeps what it is sent by id and
 * answers a second create as flyteadmin does: {@code ALREADY_EXISTS} for the same spec, {@code INVALID_ARGUMENT}
 * "... with different structure already exists" for another one. Ids must be complete.
 */
final class FakeAdmin extends AdminServiceGrpc.AdminServiceImplBase {
  /** Every create call received, in order. */
  final List<Message> received = java.util.Collections.synchronizedList(new ArrayList<>());
  /** What is registered, by id. */
  final Map<Identifier, Message> registered = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

  @Override
  public void createTask(TaskCreateRequest request, StreamObserver<TaskCreateResponse> observer) {
    if (store("task", request.getId(), request.getSpec(), request, observer)) {
      observer.onNext(TaskCreateResponse.getDefaultInstance());
      observer.onCompleted();
    }
  }

  @Override
  public void createWorkflow(WorkflowCreateRequest request, StreamObserver<WorkflowCreateResponse> observer) {
    if (store("workflow", request.getId(), request.getSpec(), request, observer)) {
      observer.onNext(WorkflowCreateResponse.getDefaultInstance());
      observer.onCompleted();
    }
  }

  @Override
  public void createLaunchPlan(LaunchPlanCreateRequest request, StreamObserver<LaunchPlanCreateResponse> observer) {
    if (store("launch plan", request.getId(), request.getSpec(), request, observer)) {
      observer.onNext(LaunchPlanCreateResponse.getDefaultInstance());
      observer.onCompleted();
    }
  }

  private boolean store(String kind, Identifier id, Message spec, Message request, StreamObserver<?> observer) {
    received.add(request);
    if (id.getProject().isEmpty() || id.getDomain().isEmpty() || id.getName().isEmpty() || id.getVersion().isEmpty()) {
      observer.onError(Status.INVALID_ARGUMENT.withDescription("missing project/domain/name/version in " + id)
          .asRuntimeException());
      return false;
    }
    synchronized (registered) {
      Message existing = registered.get(id);
      if (existing == null) {
        registered.put(id, spec);
        return true;
      }
      if (existing.equals(spec)) {
        observer.onError(Status.ALREADY_EXISTS.withDescription(kind + " with identical structure already exists")
            .asRuntimeException());
      } else {
        observer.onError(Status.INVALID_ARGUMENT.withDescription(id.getName() + " " + kind + " with different "
            + "structure already exists. (Please register a new version of the " + kind + ")").asRuntimeException());
      }
      return false;
    }
  }
}
