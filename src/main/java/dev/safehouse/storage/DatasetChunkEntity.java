package dev.safehouse.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One row of {@code dataset_chunk}: a piece of an encrypted envelope, checked against its SHA-256.
 */
@Entity
@Table(name = "dataset_chunk")
public class DatasetChunkEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "version_id", nullable = false)
  public long versionId;

  @Column(nullable = false)
  public int seq;

  @Column(nullable = false)
  public String sha256;

  @Column(name = "size_bytes", nullable = false)
  public int sizeBytes;

  /** Ciphertext only: the host never holds a key that opens it. */
  @Column(nullable = false)
  public byte[] data;
}
