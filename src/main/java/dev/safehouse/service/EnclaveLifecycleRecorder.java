package dev.safehouse.service;

import dev.safehouse.enclave.host.EnclaveEvent;
import dev.safehouse.storage.EnclaveLifecycleEventEntity;
import dev.safehouse.storage.EnclaveLifecycleEventEntity.Kind;
import dev.safehouse.storage.EnclaveLifecycleRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Appends each enclave lifecycle event to {@code enclave_lifecycle_event}, asynchronously so that
 * the supervisor thread never waits on the database. A failed write is logged and does not affect
 * supervision.
 */
@ApplicationScoped
public class EnclaveLifecycleRecorder {
  private static final Logger LOG = Logger.getLogger(EnclaveLifecycleRecorder.class);

  private final EnclaveLifecycleRepository repository;

  EnclaveLifecycleRecorder(EnclaveLifecycleRepository repository) {
    this.repository = repository;
  }

  /** Records {@code event}; returns at once. */
  public void record(EnclaveEvent event) {
    EnclaveLifecycleEventEntity row = toRow(event);
    try {
      VertxContextSupport.subscribe(
          () -> Panache.withTransaction(() -> repository.persist(row)).toMulti(),
          subscription ->
              subscription.with(
                  saved -> {},
                  failure ->
                      LOG.warnf(
                          "could not record enclave event %s: %s", row.kind, failure.toString())));
    } catch (RuntimeException e) {
      LOG.warnf("could not record enclave event %s: %s", row.kind, e.toString());
    }
  }

  static EnclaveLifecycleEventEntity toRow(EnclaveEvent event) {
    EnclaveLifecycleEventEntity row = new EnclaveLifecycleEventEntity();
    row.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
    row.generation = event.generation();
    // Java 17: no pattern matching in switch yet; the event hierarchy is sealed.
    if (event instanceof EnclaveEvent.Started started) {
      row.kind = Kind.STARTED;
      row.pid = started.pid();
    } else if (event instanceof EnclaveEvent.Ready ready) {
      row.kind = Kind.READY;
      row.pid = ready.pid();
    } else if (event instanceof EnclaveEvent.Failed failed) {
      row.kind = Kind.FAILED;
      row.reason = failed.safeReason();
    } else if (event instanceof EnclaveEvent.Exited exited) {
      row.kind = Kind.EXITED;
      row.pid = exited.pid();
      row.exitCode = exited.exitCode();
    } else if (event instanceof EnclaveEvent.RestartScheduled scheduled) {
      row.kind = Kind.RESTART_SCHEDULED;
      row.delayMillis = scheduled.delay().toMillis();
    }
    return row;
  }
}
