package dev.safehouse.storage;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Stores and reads the ciphertext chunks of dataset versions. */
@ApplicationScoped
public class DatasetChunkRepository implements PanacheRepository<DatasetChunkEntity> {

  /** Returns chunk {@code seq} of a version, or null. */
  public Uni<DatasetChunkEntity> find(long versionId, int seq) {
    return find("versionId = ?1 and seq = ?2", versionId, seq).firstResult();
  }

  /** Returns the sequence numbers and digests received so far, in order, without the data. */
  public Uni<List<ChunkSummary>> summaries(long versionId) {
    return find("versionId = ?1 order by seq", versionId).project(ChunkSummary.class).list();
  }

  /**
   * A chunk without its data.
   *
   * @param seq its position, from 0
   * @param sha256 the SHA-256 hex of its bytes
   * @param sizeBytes its length
   */
  public record ChunkSummary(int seq, String sha256, int sizeBytes) {}
}
