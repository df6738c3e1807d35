package dev.safehouse.storage;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Stores the enclave's sealed keys; the newest row is the one in use. */
@ApplicationScoped
public class EnclaveKeysRepository implements PanacheRepository<EnclaveKeysEntity> {

  /** Returns the newest sealed keys, or null before the enclave first started. */
  public Uni<EnclaveKeysEntity> current() {
    return findAll(Sort.descending("id")).firstResult();
  }
}
