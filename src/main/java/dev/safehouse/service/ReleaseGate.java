package dev.safehouse.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safehouse.audit.AuditEntry;
import dev.safehouse.audit.CanonicalJson;
import dev.safehouse.audit.Receipt;
import dev.safehouse.common.Role;
import dev.safehouse.common.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The one gate every path that returns data goes through: no audit, no release.
 *
 * <h2>Guarantees</h2>
 *
 * {@link #release} returns the result only after an entry for it — naming the caller, action,
 * purpose, target, decision and the SHA-256 of the result's canonical JSON — is durable in the
 * audit log; the result then carries that entry's {@link Receipt}. If the entry cannot be written,
 * it throws {@link dev.safehouse.common.ProblemType#AUDIT_UNAVAILABLE} (503) and the result is
 * dropped. The entry never contains the result itself.
 */
@ApplicationScoped
public class ReleaseGate {
  private final AuditLog log;
  private final ObjectMapper json;
  private final Clock clock = Clock.systemUTC();

  ReleaseGate(AuditLog log, ObjectMapper json) {
    this.log = log;
    this.json = json;
  }

  /**
   * A result on its way out, with the receipt of its audit entry.
   *
   * @param result what is released
   * @param receipt proof that it was logged first
   */
  public record Released<T>(T result, Receipt receipt) {}

  /** What is being released, to whom, and why. */
  public record Request(
      Caller caller,
      Role role,
      String action,
      Optional<String> purpose,
      AuditEntry.Target target,
      AuditEntry.Decision decision) {}

  /**
   * Logs the release of {@code result} and hands it back with its receipt.
   *
   * @throws dev.safehouse.common.SafehouseException 503 if the audit entry could not be written
   */
  public <T> Released<T> release(Request request, T result) {
    String resultHash = Sha256.hex(CanonicalJson.encode(json.convertValue(result, Object.class)));
    AuditEntry entry = entry(request).withResultHash(resultHash);
    return new Released<>(result, log.append(entry));
  }

  /**
   * Logs the release of a result the enclave signed, and hands it back with its receipt. The entry
   * carries the hash the enclave signed, its signature and the privacy budget charged.
   *
   * @param resultHash hex SHA-256 of the result's canonical JSON, as in the enclave's statement
   * @param signature the enclave's base64 signature over its statement
   * @param budgetCharged ε charged for the release, if any
   * @throws dev.safehouse.common.SafehouseException 503 if the audit entry could not be written
   */
  public <T> Released<T> releaseSigned(
      Request request,
      T result,
      String resultHash,
      String signature,
      Optional<Double> budgetCharged) {
    return new Released<>(
        result, log.append(signed(request, resultHash, signature, budgetCharged)));
  }

  /**
   * Like {@link #releaseSigned} without blocking, for batches that keep many entries in flight: the
   * stage completes with the released result once its entry is durable, or fails with {@link
   * dev.safehouse.common.ProblemType#AUDIT_UNAVAILABLE}; release nothing before.
   */
  public <T> CompletionStage<Released<T>> releaseSignedAsync(
      Request request, T result, String resultHash, String signature) {
    return log.appendAsync(signed(request, resultHash, signature, Optional.empty()))
        .<Released<T>>thenApply(receipt -> new Released<>(result, receipt))
        .exceptionallyCompose(e -> CompletableFuture.failedFuture(AuditLog.unavailable()));
  }

  private AuditEntry signed(
      Request request, String resultHash, String signature, Optional<Double> budgetCharged) {
    AuditEntry plain = entry(request);
    return new AuditEntry(
        plain.time(),
        plain.actor(),
        plain.action(),
        plain.purpose(),
        plain.target(),
        plain.decision(),
        Optional.of(resultHash),
        Optional.of(signature),
        budgetCharged);
  }

  /** Logs a request that releases nothing (a decision, an upload, a denial) and waits. */
  public Receipt record(Request request) {
    return log.append(entry(request));
  }

  /**
   * Logs a request that releases nothing, without blocking: for reactive paths, which proceed only
   * once the stage completes (it fails with {@link
   * dev.safehouse.common.ProblemType#AUDIT_UNAVAILABLE} if the entry could not be written).
   */
  public CompletionStage<Receipt> recordAsync(Request request) {
    return log.appendAsync(entry(request))
        .exceptionallyCompose(e -> CompletableFuture.failedFuture(AuditLog.unavailable()));
  }

  private AuditEntry entry(Request request) {
    return new AuditEntry(
        clock.instant(),
        new AuditEntry.Actor(
            request.caller().subject(),
            request.role().claimName(),
            request.caller().organisation()),
        request.action(),
        request.purpose(),
        request.target(),
        request.decision(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
