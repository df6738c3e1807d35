package dev.safehouse.service;

import dev.safehouse.audit.AuditEntry;
import dev.safehouse.config.SafehouseConfig;
import dev.safehouse.enclave.protocol.LoadRequest;
import dev.safehouse.enclave.protocol.LoadResponse;
import dev.safehouse.storage.DatasetChunkEntity;
import dev.safehouse.storage.DatasetChunkRepository;
import dev.safehouse.storage.DatasetVersionEntity;
import dev.safehouse.storage.DatasetVersionEntity.Status;
import dev.safehouse.storage.DatasetVersionRepository;
import dev.safehouse.storage.ProviderKeyEntity;
import dev.safehouse.storage.ProviderKeyRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Feeds committed dataset versions to the enclave, one at a time, chunk by chunk from PostgreSQL,
 * and records the outcome: LOADED (rows, input root) or REJECTED (the enclave's reason). After an
 * enclave restart it re-feeds every LOADED version so the enclave reloads them by itself.
 *
 * <h2>Security guarantees</h2>
 *
 * Only ciphertext passes through the host. The provider key sent with each load is the provider's
 * newest registered, unrevoked key; a provider without one is rejected as unknown.
 */
@ApplicationScoped
public class DatasetLoads {
  private static final Logger LOG = Logger.getLogger(DatasetLoads.class);

  private final EnclaveService enclave;
  private final AuditLog auditLog;
  private final DatasetVersionRepository versions;
  private final DatasetChunkRepository chunks;
  private final ProviderKeyRepository providerKeys;
  private final Duration requestTimeout;
  private final Duration loadTimeout;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "dataset-loads"));

  DatasetLoads(
      EnclaveService enclave,
      AuditLog auditLog,
      DatasetVersionRepository versions,
      DatasetChunkRepository chunks,
      ProviderKeyRepository providerKeys,
      SafehouseConfig config) {
    this.enclave = enclave;
    this.auditLog = auditLog;
    this.versions = versions;
    this.chunks = chunks;
    this.providerKeys = providerKeys;
    this.requestTimeout = config.enclave().requestTimeout();
    this.loadTimeout = config.enclave().loadTimeout();
  }

  void stop(@Observes ShutdownEvent event) {
    worker.shutdownNow();
  }

  /** Queues the committed version {@code versionId} for loading; returns at once. */
  public void submit(long versionId) {
    worker.submit(() -> loadAndRecord(versionId));
  }

  /** Re-feeds every LOADED version, oldest first, on the calling thread; failures are logged. */
  void reloadAll() throws Throwable {
    List<DatasetVersionEntity> loaded = await(() -> versions.inStatus(Status.LOADED));
    for (DatasetVersionEntity version : loaded) {
      ProviderKeyEntity key = await(() -> providerKeys.activeKey(version.providerId));
      LoadResponse response = key == null ? null : feed(version, key.publicKey);
      if (response == null || response.state() != LoadResponse.State.LOADED) {
        LOG.errorf(
            "%s v%d did not reload: %s",
            version.datasetId,
            version.version,
            response == null ? "its provider has no active key" : response.report());
      }
    }
  }

  private void loadAndRecord(long versionId) {
    LOG.infof("loading dataset version %d into the enclave", versionId);
    try {
      DatasetVersionEntity version = await(() -> versions.findById(versionId));
      ProviderKeyEntity key = await(() -> providerKeys.activeKey(version.providerId));
      if (key == null) {
        record(
            versionId,
            Status.REJECTED,
            "unknown provider: no verification key is registered for it",
            null);
        return;
      }
      LoadResponse response = feed(version, key.publicKey);
      record(versionId, null, null, response);
      audit(version, response);
    } catch (Throwable e) {
      LOG.errorf("loading dataset version %d failed: %s", versionId, e.toString());
      try {
        record(
            versionId,
            Status.REJECTED,
            "the enclave could not load the version; upload it again",
            null);
      } catch (Throwable ignored) {
        LOG.errorf("could not record the failure of version %d", versionId);
      }
    }
  }

  /**
   * Logs the enclave's decision on a version: loaded (with its input root as the result hash) or
   * rejected. Nothing is released, so a failing audit log only leaves a warning here.
   */
  private void audit(DatasetVersionEntity version, LoadResponse response) {
    boolean loaded = response != null && response.state() == LoadResponse.State.LOADED;
    AuditEntry entry =
        new AuditEntry(
            Instant.now(),
            new AuditEntry.Actor("enclave", "system", Optional.of(version.providerId)),
            "dataset.load",
            Optional.empty(),
            new AuditEntry.Target(
                Optional.of(version.datasetId + "#" + version.version),
                Optional.empty(),
                Optional.empty()),
            loaded
                ? AuditEntry.Decision.allow("envelope-verified", "rows-valid")
                : AuditEntry.Decision.deny("enclave-rejected"),
            loaded ? Optional.of(response.inputRoot()) : Optional.empty(),
            Optional.empty(),
            Optional.empty());
    auditLog
        .appendAsync(entry)
        .exceptionally(
            e -> {
              LOG.warnf("the load of %s#%d was not audited", version.datasetId, version.version);
              return null;
            });
  }

  private LoadResponse feed(DatasetVersionEntity version, String providerKey) throws Throwable {
    long offset = 0;
    LoadResponse last = null;
    for (int seq = 0; seq < version.chunkCount; seq++) {
      int current = seq;
      DatasetChunkEntity chunk = await(() -> chunks.find(version.id, current));
      boolean isLast = seq == version.chunkCount - 1;
      last =
          enclave.call(
              new LoadRequest(
                  version.datasetId,
                  version.version,
                  version.providerId,
                  providerKey,
                  offset,
                  isLast,
                  chunk.data),
              LoadResponse.class,
              isLast ? loadTimeout : requestTimeout);
      offset += chunk.data.length;
    }
    return last;
  }

  private void record(long versionId, Status status, String reason, LoadResponse response)
      throws Throwable {
    await(
        () ->
            Panache.withTransaction(
                () ->
                    versions
                        .findById(versionId)
                        .invoke(
                            row -> {
                              if (response != null
                                  && response.state() == LoadResponse.State.LOADED) {
                                row.status = Status.LOADED;
                                row.rowCount = response.rows();
                                row.inputRoot = response.inputRoot();
                                row.loadedAt = OffsetDateTime.now(ZoneOffset.UTC);
                              } else {
                                row.status = Status.REJECTED;
                                row.rejectReason = response != null ? response.report() : reason;
                              }
                            })));
  }

  private static <T> T await(Supplier<Uni<T>> query) throws Throwable {
    return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(query));
  }
}
