package dev.safehouse.storage;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Providers' registered verification keys. */
@ApplicationScoped
public class ProviderKeyRepository implements PanacheRepository<ProviderKeyEntity> {

  /** Returns a provider's keys, newest first, revoked ones included. */
  public Uni<List<ProviderKeyEntity>> keysOf(String providerId) {
    return list("providerId = ?1 order by registeredAt desc, id desc", providerId);
  }

  /** Returns the provider's newest key that is not revoked, or null. */
  public Uni<ProviderKeyEntity> activeKey(String providerId) {
    return find(
            "providerId = ?1 and revokedAt is null order by registeredAt desc, id desc", providerId)
        .firstResult();
  }

  /** Returns the key with this id, or null. */
  public Uni<ProviderKeyEntity> findKey(String providerId, String keyId) {
    return find("providerId = ?1 and keyId = ?2", providerId, keyId).firstResult();
  }
}
