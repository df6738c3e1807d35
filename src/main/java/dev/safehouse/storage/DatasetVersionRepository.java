package dev.safehouse.storage;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Finds and stores dataset versions. Callers run inside a reactive session or transaction. */
@ApplicationScoped
public class DatasetVersionRepository implements PanacheRepository<DatasetVersionEntity> {

  /** Returns the version, or null when there is none. */
  public Uni<DatasetVersionEntity> find(String datasetId, int version) {
    return find("datasetId = ?1 and version = ?2", datasetId, version).firstResult();
  }

  /** Returns every version of a dataset, oldest first. */
  public Uni<List<DatasetVersionEntity>> versionsOf(String datasetId) {
    return list("datasetId = ?1 order by version", datasetId);
  }

  /**
   * Returns every version of every dataset, newest first (by creation time, then id): a dataset's
   * versions among themselves are so in descending version order.
   */
  public Uni<List<DatasetVersionEntity>> newestFirst() {
    return list("order by createdAt desc, id desc");
  }

  /** Returns every version in the given status, oldest first. */
  public Uni<List<DatasetVersionEntity>> inStatus(DatasetVersionEntity.Status status) {
    return list("status = ?1 order by id", status);
  }
}
