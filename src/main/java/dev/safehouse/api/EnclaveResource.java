package dev.safehouse.api;

import dev.safehouse.common.Role;
import dev.safehouse.enclave.protocol.StatusResponse;
import dev.safehouse.enclave.protocol.TableCountsRequest;
import dev.safehouse.enclave.protocol.TableCountsResponse;
import dev.safehouse.service.EnclaveService;
import dev.safehouse.storage.EnclaveLifecycleEventEntity;
import dev.safehouse.storage.EnclaveLifecycleRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The enclave as operators, auditors and providers see it: its live status (a round trip to the
 * enclave process, so 503 while it is down) and its lifecycle history.
 */
@Path("/v1/enclave")
@Produces(MediaType.APPLICATION_JSON)
public class EnclaveResource {
  private final EnclaveService enclave;
  private final EnclaveLifecycleRepository events;

  EnclaveResource(EnclaveService enclave, EnclaveLifecycleRepository events) {
    this.enclave = enclave;
    this.events = events;
  }

  /**
   * The enclave's live status.
   *
   * @param state the supervisor's state, {@code READY} when answered
   * @param generation how many enclave processes the service has started
   * @param pid the enclave's process id
   * @param protocolVersion the protocol version it speaks
   * @param startedAt when the enclave process started
   * @param uptimeMillis how long it has run
   * @param requestsServed requests it has answered on this connection
   * @param jvmVersion its JVM version
   */
  public record EnclaveStatusResponse(
      String state,
      long generation,
      long pid,
      int protocolVersion,
      Instant startedAt,
      long uptimeMillis,
      long requestsServed,
      String jvmVersion) {}

  /**
   * One lifecycle event.
   *
   * @param generation which enclave process it concerns
   * @param kind STARTED, READY, FAILED, EXITED or RESTART_SCHEDULED
   * @param pid the process id, when known
   * @param exitCode the exit status, for EXITED
   * @param delayMillis the restart delay, for RESTART_SCHEDULED
   * @param reason why a start failed, for FAILED
   * @param occurredAt when the supervisor saw it
   */
  public record EnclaveEventResponse(
      long generation,
      String kind,
      Long pid,
      Integer exitCode,
      Long delayMillis,
      String reason,
      OffsetDateTime occurredAt) {}

  /** Asks the enclave process for its status; 503 problem+json while it is down. */
  @GET
  @Path("/status")
  @RolesAllowed({Role.ADMIN_NAME, Role.AUDITOR_NAME, Role.STEWARD_NAME, Role.PROVIDER_NAME})
  @Operation(summary = "Live status of the enclave process (503 while it restarts)")
  public EnclaveStatusResponse status() {
    StatusResponse status = enclave.status();
    return new EnclaveStatusResponse(
        enclave.state().name(),
        enclave.generation(),
        status.pid(),
        status.protocolVersion(),
        Instant.ofEpochMilli(status.startEpochMillis()),
        status.uptimeMillis(),
        status.requestsServed(),
        status.jvmVersion());
  }

  /** Returns the row count of every table loaded in the enclave: counts only, never rows. */
  @GET
  @Path("/tables")
  @RolesAllowed({Role.ADMIN_NAME, Role.AUDITOR_NAME, Role.STEWARD_NAME})
  @Operation(summary = "Row counts of the tables loaded in the enclave (503 while it restarts)")
  public java.util.Map<String, Long> tables() {
    return enclave
        .call(new TableCountsRequest(), TableCountsResponse.class, java.time.Duration.ofSeconds(5))
        .rowsByTable();
  }

  /** Returns the most recent lifecycle events, newest first. */
  @GET
  @Path("/events")
  @RolesAllowed({Role.ADMIN_NAME, Role.AUDITOR_NAME})
  @WithSession
  @Operation(summary = "Recent starts, failures and exits of the enclave process")
  public Uni<List<EnclaveEventResponse>> events(
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
    return events
        .recent(limit)
        .map(rows -> rows.stream().map(EnclaveResource::toResponse).toList());
  }

  private static EnclaveEventResponse toResponse(EnclaveLifecycleEventEntity row) {
    return new EnclaveEventResponse(
        row.generation,
        row.kind.name(),
        row.pid,
        row.exitCode,
        row.delayMillis,
        row.reason,
        row.occurredAt);
  }
}
