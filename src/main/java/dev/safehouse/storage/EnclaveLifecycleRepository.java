package dev.safehouse.storage;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads and appends enclave lifecycle events. Append-only: events are never updated or deleted. */
@ApplicationScoped
public class EnclaveLifecycleRepository implements PanacheRepository<EnclaveLifecycleEventEntity> {

  /**
   * Returns the most recent events, newest first.
   *
   * @param limit how many, 1 to 500
   */
  public Uni<List<EnclaveLifecycleEventEntity>> recent(int limit) {
    return findAll(Sort.descending("occurredAt", "id")).page(0, limit).list();
  }
}
