package dev.safehouse.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One row of {@code dataset_version}: an uploaded, encrypted version of a provider's dataset and
 * where it is in its lifecycle. Holds metadata only; the ciphertext is in {@link
 * DatasetChunkEntity} rows.
 */
@Entity
@Table(name = "dataset_version")
public class DatasetVersionEntity {
  /** Lifecycle of a version. */
  public enum Status {
    /** Chunks are arriving. */
    UPLOADING,
    /** Committed; the enclave is verifying and loading it. */
    VERIFYING,
    /** The enclave loaded it. */
    LOADED,
    /** The enclave or the host rejected it; see the reason. */
    REJECTED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "dataset_id", nullable = false)
  public String datasetId;

  @Column(nullable = false)
  public int version;

  @Column(name = "provider_id", nullable = false)
  public String providerId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Status status;

  @Column(name = "created_by", nullable = false)
  public String createdBy;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "committed_at")
  public OffsetDateTime committedAt;

  @Column(name = "envelope_sha256")
  public String envelopeSha256;

  @Column(name = "envelope_bytes")
  public Long envelopeBytes;

  @Column(name = "chunk_count")
  public Integer chunkCount;

  /** Why it was rejected: names rows and columns, never a value. */
  @Column(name = "reject_reason")
  public String rejectReason;

  @Column(name = "row_count")
  public Long rowCount;

  /** Merkle root over the loaded rows, cited by later result receipts. */
  @Column(name = "input_root")
  public String inputRoot;

  @Column(name = "loaded_at")
  public OffsetDateTime loadedAt;
}
