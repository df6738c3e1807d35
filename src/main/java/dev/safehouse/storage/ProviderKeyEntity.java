package dev.safehouse.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One row of {@code provider_key}: a provider's public verification key, as a steward registered
 * it.
 */
@Entity
@Table(name = "provider_key")
public class ProviderKeyEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "provider_id", nullable = false)
  public String providerId;

  @Column(name = "key_id", nullable = false)
  public String keyId;

  @Column(name = "public_key", nullable = false)
  public String publicKey;

  @Column(name = "registered_by", nullable = false)
  public String registeredBy;

  @Column(name = "registered_at", nullable = false)
  public OffsetDateTime registeredAt;

  @Column(name = "revoked_at")
  public OffsetDateTime revokedAt;
}
