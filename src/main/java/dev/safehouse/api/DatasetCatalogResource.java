package dev.safehouse.api;

import dev.safehouse.common.Role;
import dev.safehouse.storage.DatasetVersionEntity;
import dev.safehouse.storage.DatasetVersionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Every dataset and its versions with their lifecycle status, for stewards, auditors and admins.
 * Serves only the metadata the host stores about a version (status, counts, digests, times, reasons
 * that name rows and columns but never values); never ciphertext or plaintext.
 */
@Path("/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetCatalogResource {
  private final DatasetVersionRepository versions;

  DatasetCatalogResource(DatasetVersionRepository versions) {
    this.versions = versions;
  }

  /**
   * A dataset and its versions, newest first.
   *
   * @param datasetId the dataset
   * @param provider the provider that owns it (uploaded its first version)
   * @param versions its versions, newest first
   */
  public record DatasetView(String datasetId, String provider, List<VersionView> versions) {}

  /**
   * One version's metadata.
   *
   * @param version the version number, from 1
   * @param provider the provider that uploaded it
   * @param status UPLOADING, VERIFYING, LOADED or REJECTED
   * @param rowCount rows loaded, or null until loaded
   * @param rejectReason why it was rejected, or null
   * @param inputRoot Merkle root over the loaded rows, or null until loaded
   * @param createdAt when the version was opened
   * @param committedAt when its upload was committed, or null
   * @param loadedAt when the enclave loaded it, or null
   */
  public record VersionView(
      int version,
      String provider,
      String status,
      Long rowCount,
      String rejectReason,
      String inputRoot,
      OffsetDateTime createdAt,
      OffsetDateTime committedAt,
      OffsetDateTime loadedAt) {
    static VersionView of(DatasetVersionEntity row) {
      return new VersionView(
          row.version,
          row.providerId,
          row.status.name(),
          row.rowCount,
          row.rejectReason,
          row.inputRoot,
          row.createdAt,
          row.committedAt,
          row.loadedAt);
    }
  }

  /**
   * Lists every dataset with its versions: datasets by their newest version, newest first; each
   * dataset's versions newest first. Not paged: one row per version ever opened.
   */
  @GET
  @RolesAllowed({Role.STEWARD_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
  @WithSession
  @Operation(summary = "Every dataset with its versions and their status, newest first")
  public Uni<List<DatasetView>> list() {
    return versions.newestFirst().map(DatasetCatalogResource::group);
  }

  private static List<DatasetView> group(List<DatasetVersionEntity> rows) {
    Map<String, List<DatasetVersionEntity>> byDataset = new LinkedHashMap<>();
    rows.forEach(r -> byDataset.computeIfAbsent(r.datasetId, d -> new ArrayList<>()).add(r));
    return byDataset.entrySet().stream()
        .map(
            e -> {
              List<DatasetVersionEntity> list = e.getValue();
              return new DatasetView(
                  e.getKey(),
                  list.get(list.size() - 1).providerId,
                  list.stream().map(VersionView::of).toList());
            })
        .toList();
  }
}
