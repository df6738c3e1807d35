package dev.safehouse.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safehouse.audit.AuditEntry;
import dev.safehouse.audit.Receipt;
import dev.safehouse.common.InvalidRequestException;
import dev.safehouse.common.ProblemType;
import dev.safehouse.common.Role;
import dev.safehouse.common.SafehouseException;
import dev.safehouse.common.Sha256;
import dev.safehouse.common.Uscc;
import dev.safehouse.enclave.protocol.ScoreRequest;
import dev.safehouse.enclave.protocol.ScoreResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Fused credit scores for institutions: each requested enterprise is checked on its own — a valid
 * code, a live consent of this enterprise to this institution for the purpose, the quotas — then
 * the enclave scores and signs the allowed ones, and each score is released only once its audit
 * entry (naming the enterprise, so it appears in the enterprise's access history) is durable.
 *
 * <h2>Guarantees</h2>
 *
 * Without a live consent the answer is 403 naming the missing consent, whether or not the
 * enterprise is in any dataset; only a caller with consent learns that it is not (404). Quota is
 * taken after the consent check, so refused requests do not use it. No feature value is released.
 */
@ApplicationScoped
public class Scores {
  /** Most enterprises in one batch. */
  public static final int MAX_BATCH = ScoreRequest.MAX_ITEMS;

  private static final Duration ENCLAVE_TIMEOUT = Duration.ofSeconds(30);

  private final Consents consents;
  private final ScoreQuotas quotas;
  private final EnclaveService enclave;
  private final EnclaveInitializer initializer;
  private final ReleaseGate gate;
  private final KeptReleases releases;
  private final ObjectMapper json;
  private final Clock clock = Clock.systemUTC();

  Scores(
      Consents consents,
      ScoreQuotas quotas,
      EnclaveService enclave,
      EnclaveInitializer initializer,
      ReleaseGate gate,
      KeptReleases releases,
      ObjectMapper json) {
    this.initializer = initializer;
    this.releases = releases;
    this.consents = consents;
    this.quotas = quotas;
    this.enclave = enclave;
    this.gate = gate;
    this.json = json;
  }

  /** One enterprise to score, and the consent the institution holds for it. */
  public record Ask(String uscc, String purpose, UUID consentId) {}

  /**
   * A released score.
   *
   * @param id the score's id
   * @param uscc the enterprise
   * @param score the fused score
   * @param grade A (低风险), B (一般), C (较高) or D (高)
   * @param gradeLabel the grade's Chinese and English labels
   * @param reasonCodes up to four reasons, ranked, with their texts
   * @param modelVersion the scorecard's version (SHA-256 of its file)
   * @param sourcesAsOf the dataset versions and input roots the score was computed from
   * @param statement the exact JSON the enclave signed
   * @param signature the enclave's base64 signature over {@code statement}
   */
  public record Score(
      UUID id,
      String uscc,
      int score,
      String grade,
      Object gradeLabel,
      Object reasonCodes,
      String modelVersion,
      Object sourcesAsOf,
      String statement,
      String signature) {}

  /**
   * One item's answer: a released score with its receipt, or a problem.
   *
   * @param status the HTTP status this item would have had on its own
   * @param score the score, for status 200
   * @param receipt its audit receipt, for status 200
   * @param problem the problem type's URI, otherwise
   * @param detail what went wrong, otherwise; never a value
   */
  public record Outcome(int status, Score score, Receipt receipt, String problem, String detail) {
    static Outcome refused(SafehouseException e) {
      return new Outcome(e.type().status(), null, null, e.type().uri().toString(), e.getMessage());
    }
  }

  /**
   * A batch's answers.
   *
   * @param id the batch's id, to fetch it again
   * @param items one answer per requested item, in request order
   */
  public record Batch(UUID id, List<Outcome> items) {}

  /**
   * Scores one enterprise.
   *
   * @throws SafehouseException as the item's problem: 400 invalid code, 403 consent, 404 not found,
   *     429 quota
   */
  public ReleaseGate.Released<Score> score(Caller institution, Ask ask) {
    Pending pending = check(institution, ask, clock.instant());
    Outcome outcome = release(institution, List.of(pending)).get(0);
    if (pending.refusal != null) {
      throw pending.refusal;
    }
    if (outcome.score() == null) {
      throw new SafehouseException(ProblemType.NOT_FOUND, outcome.detail());
    }
    return new ReleaseGate.Released<>(outcome.score(), outcome.receipt());
  }

  /**
   * Returns a score released to the calling institution (alone or in a batch), with its receipt.
   *
   * @throws SafehouseException 404 if there is none of that id for this institution
   */
  public Object released(Caller institution, UUID id) {
    return stored(institution, id, "score");
  }

  /**
   * Returns a batch answered to the calling institution.
   *
   * @throws SafehouseException 404 if there is none of that id for this institution
   */
  public Object releasedBatch(Caller institution, UUID id) {
    return stored(institution, id, "batch");
  }

  private Object stored(Caller institution, UUID id, String kind) {
    String org = Consents.institution(institution);
    String body =
        releases
            .find(id, org, kind)
            .orElseThrow(() -> new SafehouseException(ProblemType.NOT_FOUND, "no such " + kind));
    try {
      return json.readValue(body, Object.class);
    } catch (IOException e) {
      throw new SafehouseException(ProblemType.INTERNAL, "a stored " + kind + " is unreadable");
    }
  }

  private void keep(UUID id, Caller institution, String kind, Object body) {
    try {
      String text = json.writeValueAsString(body);
      releases.keep(id, Consents.institution(institution), kind, text);
    } catch (IOException e) {
      throw new SafehouseException(ProblemType.INTERNAL, "a released " + kind + " cannot be kept");
    }
  }

  /** Scores up to {@link #MAX_BATCH} enterprises, each checked and answered on its own. */
  public Batch batch(Caller institution, List<Ask> asks) {
    if (asks == null || asks.isEmpty() || asks.size() > MAX_BATCH) {
      throw new InvalidRequestException("a batch holds 1 to " + MAX_BATCH + " items");
    }
    Instant now = clock.instant();
    List<Pending> pending = new ArrayList<>();
    for (Ask ask : asks) {
      pending.add(check(institution, ask, now));
    }
    Batch batch = new Batch(UUID.randomUUID(), release(institution, pending));
    keep(batch.id(), institution, "batch", batch);
    return batch;
  }

  /** An item after the host's checks: allowed (with its consent) or refused. */
  private static final class Pending {
    final UUID id = UUID.randomUUID();
    Ask ask;
    Uscc uscc;
    Consent consent;
    String consentHash;
    SafehouseException refusal;
  }

  private Pending check(Caller institution, Ask ask, Instant now) {
    Pending item = new Pending();
    item.ask = ask;
    try {
      if (ask == null) {
        throw new InvalidRequestException("an item needs uscc, purpose and consentId");
      }
      item.uscc = Uscc.parse(ask.uscc());
      item.consent =
          consents.requireLive(institution, item.uscc, ask.purpose(), ask.consentId(), now);
      quotas.acquire(item.consent.institution().value(), item.uscc, now);
      item.consentHash = item.consent.consentHash();
    } catch (SafehouseException e) {
      item.refusal = e;
    }
    return item;
  }

  private List<Outcome> release(Caller institution, List<Pending> items) {
    List<ScoreRequest.Item> allowed = new ArrayList<>();
    for (Pending item : items) {
      if (item.refusal == null) {
        allowed.add(new ScoreRequest.Item(item.id.toString(), item.uscc.value(), item.consentHash));
      }
    }
    if (!allowed.isEmpty()) {
      initializer.requireInitialised();
    }
    List<ScoreResponse.Result> results =
        allowed.isEmpty()
            ? List.of()
            : enclave
                .call(new ScoreRequest(allowed), ScoreResponse.class, ENCLAVE_TIMEOUT)
                .results();
    List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
    int next = 0;
    for (Pending item : items) {
      if (item.refusal != null) {
        Outcome refused = Outcome.refused(item.refusal);
        outcomes.add(recordRefusal(institution, item).thenApply(ignored -> refused));
        continue;
      }
      ScoreResponse.Result result = results.get(next++);
      if (!result.found()) {
        outcomes.add(
            CompletableFuture.completedFuture(
                Outcome.refused(
                    new SafehouseException(
                        ProblemType.NOT_FOUND, "no credit data for this enterprise"))));
        continue;
      }
      Score score = score(item, result);
      outcomes.add(
          gate.releaseSignedAsync(
                  request(
                      institution,
                      item,
                      AuditEntry.Decision.allow("consent:" + item.consentHash, "quota")),
                  score,
                  Sha256.hex(result.statement()),
                  result.signature())
              .thenApply(
                  released -> new Outcome(200, released.result(), released.receipt(), null, null))
              .toCompletableFuture());
    }
    List<Outcome> answered;
    try {
      answered = outcomes.stream().map(CompletableFuture::join).toList();
    } catch (CompletionException e) {
      throw AuditLog.unavailable();
    }
    for (Outcome outcome : answered) {
      if (outcome.score() != null) {
        keep(
            outcome.score().id(),
            institution,
            "score",
            new ReleaseGate.Released<>(outcome.score(), outcome.receipt()));
      }
    }
    return answered;
  }

  /** Logs a refusal that names an enterprise, so the enterprise sees it in its history. */
  private CompletableFuture<?> recordRefusal(Caller institution, Pending item) {
    if (item.uscc == null || item.refusal.type() == ProblemType.FORBIDDEN) {
      // nothing names an enterprise, or the caller may not ask at all
      return CompletableFuture.completedFuture(null);
    }
    return gate.recordAsync(
            request(institution, item, AuditEntry.Decision.deny(slug(item.refusal.type()))))
        .toCompletableFuture();
  }

  private static String slug(ProblemType type) {
    String path = type.uri().getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private ReleaseGate.Request request(
      Caller institution, Pending item, AuditEntry.Decision decision) {
    return new ReleaseGate.Request(
        institution,
        Role.INSTITUTION,
        "score.release",
        Optional.ofNullable(item.ask == null ? null : item.ask.purpose())
            .filter(purpose -> ConsentPurpose.fromWireName(purpose).isPresent()),
        new AuditEntry.Target(
            Optional.empty(), Optional.ofNullable(item.uscc), Optional.of(item.id.toString())),
        decision);
  }

  private Score score(Pending item, ScoreResponse.Result result) {
    String statement = new String(result.statement(), StandardCharsets.UTF_8);
    try {
      Map<?, ?> signed = json.readValue(statement, Map.class);
      return new Score(
          item.id,
          item.uscc.value(),
          ((Number) signed.get("score")).intValue(),
          (String) signed.get("grade"),
          signed.get("gradeLabel"),
          signed.get("reasonCodes"),
          (String) signed.get("modelVersion"),
          signed.get("inputRoots"),
          statement,
          result.signature());
    } catch (IOException | RuntimeException e) {
      throw new SafehouseException(ProblemType.INTERNAL, "the enclave returned a malformed score");
    }
  }
}
