package dev.safehouse.enclave.ingest;

import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.DataKey;
import dev.safehouse.crypto.EnclaveKeys;
import dev.safehouse.crypto.MasterKey;
import dev.safehouse.crypto.Measurement;
import dev.safehouse.crypto.SealedEnclaveKeys;
import dev.safehouse.crypto.Signer;
import dev.safehouse.crypto.UnknownSuiteException;
import dev.safehouse.enclave.RequestHandler;
import dev.safehouse.enclave.protocol.ErrorCode;
import dev.safehouse.enclave.protocol.ErrorResponse;
import dev.safehouse.enclave.protocol.InitRequest;
import dev.safehouse.enclave.protocol.InitResponse;
import dev.safehouse.enclave.protocol.Response;
import dev.safehouse.policy.DatasetSchemas;
import dev.safehouse.policy.PolicyBundle;
import dev.safehouse.policy.QueryPolicies;
import dev.safehouse.scoring.Scorecards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Unseals the enclave's keys with the master key (or generates and seals new ones on the very first
 * start) and loads the policy bundle's dataset schemas.
 */
public final class InitHandler implements RequestHandler<InitRequest> {
  private final EnclaveContext context;
  private final AtomicBoolean warmedUp = new AtomicBoolean();

  /** Creates the handler. */
  public InitHandler(EnclaveContext context) {
    this.context = context;
  }

  @Override
  public Response handle(InitRequest request) {
    MasterKey master;
    try {
      master = MasterKey.fromKmsUri(request.kmsUri());
    } catch (RuntimeException e) {
      return new ErrorResponse(ErrorCode.INTERNAL, "the master key cannot be obtained");
    }
    CryptoSuite suite;
    try {
      suite = CryptoSuite.fromWireName(request.suite());
    } catch (UnknownSuiteException e) {
      return new ErrorResponse(ErrorCode.MALFORMED_FRAME, "unknown crypto suite");
    }
    boolean generate = request.sealedWrapping().length == 0 && request.sealedSigning().length == 0;
    EnclaveKeys keys;
    SealedEnclaveKeys sealed;
    try {
      if (generate) {
        keys = EnclaveKeys.generate(suite);
        sealed = keys.seal(master);
      } else {
        sealed =
            new SealedEnclaveKeys(
                suite.wireName(), request.sealedWrapping(), request.sealedSigning());
        keys = EnclaveKeys.unseal(sealed, master);
      }
    } catch (RuntimeException e) {
      return new ErrorResponse(ErrorCode.INTERNAL, "the enclave keys cannot be unsealed");
    }
    Path policies = Path.of(request.policiesDir());
    DatasetSchemas schemas;
    QueryPolicies queryPolicies;
    Scorecards scorecards;
    String policyHash;
    try {
      schemas = DatasetSchemas.load(policies);
      queryPolicies = QueryPolicies.load(policies, schemas);
      scorecards = Scorecards.load(policies, schemas);
      policyHash = PolicyBundle.hash(policies);
    } catch (RuntimeException e) {
      return new ErrorResponse(ErrorCode.INTERNAL, "the policy bundle cannot be loaded");
    }
    Signer platform = null;
    if (!request.platformKeyFile().isEmpty()) {
      try {
        platform =
            suite.signerFromInsecureText(Files.readString(Path.of(request.platformKeyFile())));
      } catch (IOException | RuntimeException e) {
        return new ErrorResponse(
            ErrorCode.INTERNAL,
            "the platform attestation key cannot be read as a key of suite " + suite);
      }
    }
    Measurement measurement =
        Measurement.of(suite, System.getProperty("java.class.path", ""), policyHash);
    context.initialise(keys, schemas, queryPolicies, scorecards, policyHash, measurement, platform);
    if (suite == CryptoSuite.INTL) {
      warmUpDecryption();
    }
    return new InitResponse(
        sealed.wrapping(),
        sealed.signing(),
        keys.publicKeys().wrappingKeyBytes(),
        keys.publicKeys().signingKey().toText(),
        generate,
        policyHash);
  }

  /**
   * Once per process, after the first initialisation (so it never delays the handshake or the
   * host's readiness): compiles the decryption path ahead of the first load, on a low-priority
   * thread.
   */
  private void warmUpDecryption() {
    if (warmedUp.compareAndSet(false, true)) {
      Thread thread = new Thread(DataKey::warmUp, "enclave-crypto-warm-up");
      thread.setDaemon(true);
      thread.setPriority(Thread.MIN_PRIORITY);
      thread.start();
    }
  }
}
