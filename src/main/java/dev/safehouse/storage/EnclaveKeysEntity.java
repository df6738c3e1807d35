package dev.safehouse.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One row of {@code enclave_keys}: the enclave's private keys sealed under the master key, and
 * their public halves. The host cannot open the sealed blobs.
 */
@Entity
@Table(name = "enclave_keys")
public class EnclaveKeysEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** The wire name of the keys' crypto suite. */
  @Column(name = "suite", nullable = false)
  public String suite;

  @Column(name = "sealed_hpke", nullable = false)
  public byte[] sealedWrapping;

  @Column(name = "sealed_signing", nullable = false)
  public byte[] sealedSigning;

  @Column(name = "hpke_public", nullable = false)
  public byte[] wrappingKey;

  @Column(name = "signing_key", nullable = false)
  public String signingKey;

  @Column(name = "policy_hash", nullable = false)
  public String policyHash;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;
}
