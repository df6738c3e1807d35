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
 * One row of {@code enclave_lifecycle_event}: a start, readiness, failure or exit of the enclave
 * process. Holds operational facts only, never request content.
 */
@Entity
@Table(name = "enclave_lifecycle_event")
public class EnclaveLifecycleEventEntity {
  /** What happened to the enclave. */
  public enum Kind {
    /** The child process was started. */
    STARTED,
    /** It connected and completed the handshake. */
    READY,
    /** It could not be started or failed its handshake. */
    FAILED,
    /** It exited or its connection was lost. */
    EXITED,
    /** A restart was scheduled after a delay. */
    RESTART_SCHEDULED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false)
  public long generation;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Kind kind;

  public Long pid;

  @Column(name = "exit_code")
  public Integer exitCode;

  @Column(name = "delay_millis")
  public Long delayMillis;

  /** Why a start failed; a fixed, safe text. */
  public String reason;

  @Column(name = "occurred_at", nullable = false)
  public OffsetDateTime occurredAt;
}
