package dev.safehouse.api;

import dev.safehouse.audit.AuditEntry;
import dev.safehouse.common.DatasetId;
import dev.safehouse.common.ProblemType;
import dev.safehouse.common.ProviderId;
import dev.safehouse.common.Role;
import dev.safehouse.common.SafehouseException;
import dev.safehouse.service.Caller;
import dev.safehouse.service.DatasetLoads;
import dev.safehouse.service.DatasetUploads;
import dev.safehouse.service.ReleaseGate;
import dev.safehouse.storage.DatasetChunkRepository.ChunkSummary;
import dev.safehouse.storage.DatasetVersionEntity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Providers' uploads of encrypted dataset versions: create a version, send its envelope in chunks
 * (resumable), commit it. Only the provider named in the token's {@code org} claim may touch its
 * datasets. The host never sees plaintext.
 */
@Path("/v1/datasets/{datasetId}/versions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PROVIDER_NAME)
public class DatasetResource {
  private static final String HEX_SHA256 = "[0-9a-fA-F]{64}";

  private final DatasetUploads uploads;
  private final DatasetLoads loads;
  private final ReleaseGate gate;
  private final JsonWebToken token;

  DatasetResource(
      DatasetUploads uploads, DatasetLoads loads, ReleaseGate gate, JsonWebToken token) {
    this.uploads = uploads;
    this.loads = loads;
    this.token = token;
    this.gate = gate;
  }

  /**
   * A dataset version as the provider sees it.
   *
   * @param datasetId the dataset
   * @param version the version number, from 1
   * @param status UPLOADING, VERIFYING, LOADED or REJECTED
   * @param receivedChunks the chunk numbers received so far (while uploading)
   * @param envelopeSha256 the committed envelope's digest
   * @param rejectReason why it was rejected, naming rows and columns but no values
   * @param rowCount rows loaded
   * @param inputRoot Merkle root over the loaded rows
   * @param createdAt when the version was opened
   */
  public record VersionResponse(
      String datasetId,
      int version,
      String status,
      List<Integer> receivedChunks,
      String envelopeSha256,
      String rejectReason,
      Long rowCount,
      String inputRoot,
      OffsetDateTime createdAt) {}

  /**
   * Closes an upload.
   *
   * @param chunkCount how many chunks make the envelope
   * @param envelopeSha256 SHA-256 hex of the whole envelope
   */
  public record CommitRequest(
      @NotNull @Min(1) @Max(1_000_000) Integer chunkCount,
      @NotNull @Pattern(regexp = HEX_SHA256) String envelopeSha256) {}

  /** Opens the next version of the dataset for upload. */
  @POST
  @Operation(summary = "Open a new version of a dataset for upload")
  public Uni<Response> create(@PathParam("datasetId") String datasetId) {
    DatasetId dataset = DatasetId.parse(datasetId);
    return uploads
        .createVersion(dataset, provider(), Caller.from(token).subject())
        .map(row -> Response.status(201).entity(toResponse(row, List.of())).build());
  }

  /** Returns a version's status and, while uploading, the chunks received. */
  @GET
  @Path("/{version}")
  @Operation(summary = "Status of a dataset version and the chunks received so far")
  public Uni<VersionResponse> get(
      @PathParam("datasetId") String datasetId, @PathParam("version") @Min(1) int version) {
    return uploads
        .state(DatasetId.parse(datasetId), version, provider())
        .map(state -> toResponse(state.version(), state.received()));
  }

  /**
   * Stores one chunk of the envelope; re-sending an identical chunk is harmless.
   *
   * <p>The content type is checked here rather than with {@code @Consumes}: the REST layer matches
   * {@code @Consumes} while routing, before the role check, so a caller without a valid token would
   * learn 415 instead of 401.
   */
  @PUT
  @Path("/{version}/chunks/{seq}")
  @Operation(summary = "Upload one chunk of the encrypted envelope (idempotent)")
  public Uni<Response> putChunk(
      @PathParam("datasetId") String datasetId,
      @PathParam("version") @Min(1) int version,
      @PathParam("seq") @Min(0) int seq,
      @HeaderParam("X-Chunk-SHA256") @NotNull @Pattern(regexp = HEX_SHA256) String sha256,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM))
          byte[] body) {
    if (!isOctetStream(contentType)) {
      throw new WebApplicationException(Response.Status.UNSUPPORTED_MEDIA_TYPE);
    }
    return uploads
        .putChunk(
            DatasetId.parse(datasetId),
            version,
            provider(),
            seq,
            sha256,
            body == null ? new byte[0] : body)
        .map(stored -> Response.status(stored ? 201 : 200).build());
  }

  /** Commits the upload once every chunk is present and the envelope matches its digest. */
  @POST
  @Path("/{version}/commit")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Commit the upload; the enclave then verifies and loads the version")
  public Uni<Response> commit(
      @PathParam("datasetId") String datasetId,
      @PathParam("version") @Min(1) int version,
      @Valid @NotNull CommitRequest request) {
    DatasetId dataset = DatasetId.parse(datasetId);
    ProviderId provider = provider();
    ReleaseGate.Request audit =
        new ReleaseGate.Request(
            Caller.from(token),
            Role.PROVIDER,
            "dataset.commit",
            Optional.empty(),
            new AuditEntry.Target(
                Optional.of(dataset.value() + "#" + version), Optional.empty(), Optional.empty()),
            AuditEntry.Decision.allow("provider-owns-dataset"));
    // No audit, no action: the commit happens only once its entry is durable. The audit log
    // completes on its own thread; the database work must resume on this request's Vert.x context.
    Context context = Vertx.currentContext();
    return Uni.createFrom()
        .completionStage(() -> gate.recordAsync(audit))
        .emitOn(task -> context.runOnContext(ignored -> task.run()))
        .chain(
            receipt ->
                uploads.commit(
                    dataset, version, provider, request.chunkCount(), request.envelopeSha256()))
        .invoke(row -> loads.submit(row.id))
        .map(row -> Response.accepted(toResponse(row, List.of())).build());
  }

  private ProviderId provider() {
    String org = Caller.from(token).organisation().orElse(null);
    if (org == null || !ProviderId.isValid(org)) {
      throw new SafehouseException(
          ProblemType.FORBIDDEN, "a provider token must name its provider id in the org claim");
    }
    return ProviderId.parse(org);
  }

  private static VersionResponse toResponse(DatasetVersionEntity row, List<ChunkSummary> received) {
    return new VersionResponse(
        row.datasetId,
        row.version,
        row.status.name(),
        received.stream().map(ChunkSummary::seq).toList(),
        row.envelopeSha256,
        row.rejectReason,
        row.rowCount,
        row.inputRoot,
        row.createdAt);
  }

  private static boolean isOctetStream(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.valueOf(contentType);
      return type.getType().equalsIgnoreCase("application")
          && type.getSubtype().equalsIgnoreCase("octet-stream");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
