package dev.safehouse.api;

import dev.safehouse.audit.AuditEntry;
import dev.safehouse.common.ProblemType;
import dev.safehouse.common.Role;
import dev.safehouse.common.SafehouseException;
import dev.safehouse.crypto.AttestationDocument;
import dev.safehouse.crypto.AttestationVerifier;
import dev.safehouse.enclave.protocol.AttestRequest;
import dev.safehouse.enclave.protocol.AttestResponse;
import dev.safehouse.enclave.protocol.StatusResponse;
import dev.safehouse.enclave.protocol.TableCountsRequest;
import dev.safehouse.enclave.protocol.TableCountsResponse;
import dev.safehouse.service.Caller;
import dev.safehouse.service.EnclaveService;
import dev.safehouse.service.ReleaseGate;
import dev.safehouse.storage.EnclaveLifecycleEventEntity;
import dev.safehouse.storage.EnclaveLifecycleRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
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
  private final ReleaseGate gate;
  private final JsonWebToken token;

  EnclaveResource(
      EnclaveService enclave,
      EnclaveLifecycleRepository events,
      ReleaseGate gate,
      JsonWebToken token) {
    this.enclave = enclave;
    this.events = events;
    this.gate = gate;
    this.token = token;
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

  /**
   * A signed attestation document, and its fields decoded for people. Verifiers check the signature
   * over {@code documentBase64} with the pinned platform key; the decoded fields are a convenience
   * and carry no authority.
   *
   * @param suite the crypto suite the document names ({@code intl} or {@code sm})
   * @param documentBase64 base64 of the canonical document
   * @param signatureBase64 base64 of the platform's signature over it
   * @param measurement the enclave's measurement
   * @param policyHash the policy bundle's hash
   * @param wrappingKeyFingerprint the suite's hash (SHA-256 or SM3) of the enclave's wrapping key
   * @param signingKey the enclave's verification key
   * @param nonce the nonce echoed
   * @param issuedAt when the document was made
   * @param debug whether the enclave runs in debug / development mode
   */
  public record AttestationResponse(
      String suite,
      String documentBase64,
      String signatureBase64,
      String measurement,
      String policyHash,
      String wrappingKeyFingerprint,
      String signingKey,
      String nonce,
      Instant issuedAt,
      boolean debug) {}

  /** Returns an attestation document bound to the caller's nonce. */
  @GET
  @Path("/attestation")
  @Authenticated
  @Operation(summary = "Attestation document for a fresh nonce (16 to 64 bytes, hex)")
  public AttestationResponse attestation(
      @QueryParam("nonce") @NotNull @Pattern(regexp = "[0-9a-fA-F]{32,128}") String nonce) {
    AttestResponse signed =
        enclave.call(
            new AttestRequest(nonce.toLowerCase(Locale.ROOT)),
            AttestResponse.class,
            Duration.ofSeconds(5));
    AttestationDocument document;
    try {
      document = AttestationDocument.decode(Base64.getDecoder().decode(signed.documentBase64()));
    } catch (IOException e) {
      throw new SafehouseException(
          ProblemType.INTERNAL, "the enclave returned a malformed document");
    }
    return new AttestationResponse(
        document.suite(),
        signed.documentBase64(),
        signed.signatureBase64(),
        document.measurement(),
        document.policyHash(),
        AttestationVerifier.keysOf(document).wrappingKeyFingerprint(),
        document.signingKey(),
        document.nonceHex(),
        Instant.ofEpochMilli(document.issuedAtMillis()),
        document.debug());
  }

  /**
   * Returns the row count of every table loaded in the enclave — counts only, never rows — through
   * the release gate: audited first, with a receipt.
   */
  @GET
  @Path("/tables")
  @RolesAllowed({Role.ADMIN_NAME, Role.AUDITOR_NAME, Role.STEWARD_NAME})
  @Operation(
      summary =
          "Row counts of the tables loaded in the enclave, with the receipt of their audit entry"
              + " (503 while the enclave restarts or the audit log cannot record)")
  public ReleaseGate.Released<Map<String, Long>> tables() {
    Caller caller = Caller.from(token);
    Role role = caller.firstOf(Role.ADMIN, Role.AUDITOR, Role.STEWARD);
    Map<String, Long> counts =
        enclave
            .call(new TableCountsRequest(), TableCountsResponse.class, Duration.ofSeconds(5))
            .rowsByTable();
    return gate.release(
        new ReleaseGate.Request(
            caller,
            role,
            "enclave.tables.read",
            Optional.empty(),
            AuditEntry.Target.NONE,
            AuditEntry.Decision.allow("role:" + role.claimName())),
        counts);
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
