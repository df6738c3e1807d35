package dev.safehouse.service;

import dev.safehouse.common.EnclaveUnavailableException;
import dev.safehouse.config.SafehouseConfig;
import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.EnclavePublicKeys;
import dev.safehouse.enclave.host.EnclaveEvent;
import dev.safehouse.enclave.protocol.InitRequest;
import dev.safehouse.enclave.protocol.InitResponse;
import dev.safehouse.storage.EnclaveKeysEntity;
import dev.safehouse.storage.EnclaveKeysRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Brings every new enclave process into service: hands it its sealed keys and the policy bundle
 * ({@link InitRequest}), stores the sealed keys it generated on its very first start, and then has
 * the stored datasets re-fed so the enclave reloads them. Until this has finished for the current
 * enclave, readiness stays DOWN.
 *
 * <h2>Security guarantees</h2>
 *
 * The host only ever stores and forwards the sealed blobs; it has no master key and cannot open
 * them.
 */
@ApplicationScoped
public class EnclaveInitializer {
  private static final Logger LOG = Logger.getLogger(EnclaveInitializer.class);

  private final EnclaveService enclave;
  private final EnclaveKeysRepository keys;
  private final DatasetLoads loads;
  private final SafehouseConfig.Enclave config;
  private final CryptoSuite suite;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "enclave-init"));
  private volatile long initialisedGeneration;
  private volatile EnclavePublicKeys publicKeys;
  private volatile String policyHash = "";

  EnclaveInitializer(
      EnclaveService enclave,
      EnclaveKeysRepository keys,
      DatasetLoads loads,
      SafehouseConfig config,
      CryptoSuite suite) {
    this.suite = suite;
    this.enclave = enclave;
    this.keys = keys;
    this.loads = loads;
    this.config = config.enclave();
  }

  void register(@Observes @Priority(50) StartupEvent event) {
    enclave.addListener(
        lifecycle -> {
          if (lifecycle instanceof EnclaveEvent.Ready ready) {
            worker.submit(() -> initialise(ready.generation()));
          }
        });
  }

  void stop(@Observes ShutdownEvent event) {
    worker.shutdownNow();
  }

  /** Returns whether the current enclave process has its keys and policies. */
  public boolean initialised() {
    return initialisedGeneration != 0 && initialisedGeneration == enclave.generation();
  }

  /**
   * Fails unless the current enclave process is initialised: after a restart it answers the
   * protocol before its keys are unsealed and its tables reloaded, and a score or query sent then
   * would fail inside it (500) or miss an enterprise not yet reloaded (404).
   *
   * @throws EnclaveUnavailableException (503) while the enclave is being initialised
   */
  public void requireInitialised() {
    if (!initialised()) {
      throw new EnclaveUnavailableException("the enclave is restarting (keys and data reloading)");
    }
  }

  /** Returns the current enclave's public keys, once initialised. */
  public Optional<EnclavePublicKeys> publicKeys() {
    return initialised() ? Optional.ofNullable(publicKeys) : Optional.empty();
  }

  /** Returns the deployment's crypto suite. */
  public CryptoSuite suite() {
    return suite;
  }

  /** Returns the hash of the policy bundle the current enclave loaded. */
  public String policyHash() {
    return policyHash;
  }

  private void initialise(long generation) {
    try {
      EnclaveKeysEntity stored =
          VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(keys::current));
      if (stored != null && !stored.suite.equals(suite.wireName())) {
        LOG.errorf(
            "safehouse.crypto.suite is %s but this database holds the enclave keys, datasets and"
                + " audit log of suite %s; a suite is chosen once per deployment: use a new"
                + " database for %s. The enclave stays uninitialised (503).",
            suite.wireName(), stored.suite, suite.wireName());
        return;
      }
      InitRequest request =
          new InitRequest(
              suite.wireName(),
              absoluteKmsUri(config.masterKeyUri()),
              stored == null ? new byte[0] : stored.sealedWrapping,
              stored == null ? new byte[0] : stored.sealedSigning,
              Path.of(config.policiesDir()).toAbsolutePath().toString(),
              config.platformKeyFile().map(f -> Path.of(f).toAbsolutePath().toString()).orElse(""));
      InitResponse response = enclave.call(request, InitResponse.class, config.loadTimeout());
      if (response.generated()) {
        store(response);
      }
      publicKeys = EnclavePublicKeys.of(suite, response.wrappingKey(), response.signingKey());
      policyHash = response.policyHash();
      loads.reloadAll();
      initialisedGeneration = generation;
      LOG.infof(
          "enclave#%d initialised (%s keys, policy %s)",
          generation, response.generated() ? "new" : "unsealed", policyHash.substring(0, 12));
    } catch (Throwable e) {
      LOG.errorf("enclave#%d could not be initialised: %s", generation, e.getMessage());
    }
  }

  private void store(InitResponse response) throws Throwable {
    EnclaveKeysEntity row = new EnclaveKeysEntity();
    row.sealedWrapping = response.sealedWrapping();
    row.sealedSigning = response.sealedSigning();
    row.suite = suite.wireName();
    row.wrappingKey = response.wrappingKey();
    row.signingKey = response.signingKey();
    row.policyHash = response.policyHash();
    row.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> keys.persist(row)));
  }

  /** A {@code local-kms://} path is resolved here: the enclave runs in another directory. */
  static String absoluteKmsUri(String uri) {
    String prefix = "local-kms://";
    if (uri.startsWith(prefix)) {
      return prefix + Path.of(uri.substring(prefix.length())).toAbsolutePath();
    }
    return uri;
  }
}
