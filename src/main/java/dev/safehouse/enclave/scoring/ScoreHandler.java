package dev.safehouse.enclave.scoring;

import dev.safehouse.audit.CanonicalJson;
import dev.safehouse.enclave.RequestHandler;
import dev.safehouse.enclave.ingest.EnclaveContext;
import dev.safehouse.enclave.protocol.ErrorCode;
import dev.safehouse.enclave.protocol.ErrorResponse;
import dev.safehouse.enclave.protocol.Response;
import dev.safehouse.enclave.protocol.ScoreRequest;
import dev.safehouse.enclave.protocol.ScoreResponse;
import dev.safehouse.enclave.store.StoreException;
import dev.safehouse.scoring.ReasonCode;
import dev.safehouse.scoring.ScoreResult;
import dev.safehouse.scoring.Scorecard;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores enterprises with the bundle's scorecard ({@value #MODEL}) and signs each result: {@code
 * itemId, uscc, score, grade, reason codes, model, modelVersion, consentHash, inputRoots},
 * canonical JSON, signed with the attested key (Ed25519 or SM2, as the suite).
 *
 * <h2>Security guarantees</h2>
 *
 * Only the score, grade and reason codes leave; never a feature value. Feature values are read in
 * one fixed scan ({@link FeatureRows}) whose column names come from the scorecard (checked against
 * the dataset schemas when the bundle was loaded) and kept in memory only. An enterprise without
 * data is answered as not found, unsigned; the host decides what the caller may learn of that.
 */
public final class ScoreHandler implements RequestHandler<ScoreRequest> {
  /** The scorecard the enclave scores with. */
  public static final String MODEL = "sme-default";

  private final EnclaveContext context;
  private final FeatureRows rows = new FeatureRows();

  /** Creates the handler. */
  public ScoreHandler(EnclaveContext context) {
    this.context = context;
  }

  @Override
  public Response handle(ScoreRequest request) {
    if (context.keys().isEmpty() || context.scorecards().isEmpty()) {
      return new ErrorResponse(ErrorCode.UNEXPECTED_MESSAGE, "the enclave is not initialised");
    }
    Optional<Scorecard> card = context.scorecards().get().find(MODEL);
    if (card.isEmpty()) {
      return new ErrorResponse(ErrorCode.INTERNAL, "the policy bundle has no scorecard " + MODEL);
    }
    Map<String, Object> roots = new LinkedHashMap<>();
    context
        .inputRoots()
        .forEach((d, r) -> roots.put(d, Map.of("version", r.version(), "root", r.root())));
    List<ScoreResponse.Result> results = new ArrayList<>();
    for (ScoreRequest.Item item : request.items()) {
      Optional<Map<String, Object>> row;
      try {
        row = rows.find(context, card.get(), item.uscc());
      } catch (StoreException e) {
        return new ErrorResponse(ErrorCode.INTERNAL, "the enclave's engine refused the lookup");
      }
      if (row.isEmpty()) {
        results.add(new ScoreResponse.Result(item.itemId(), false, new byte[0], ""));
        continue;
      }
      byte[] statement =
          CanonicalJson.encode(statement(item, card.get(), card.get().score(row.get()), roots));
      String signature =
          Base64.getEncoder().encodeToString(context.keys().get().signer().sign(statement));
      results.add(new ScoreResponse.Result(item.itemId(), true, statement, signature));
    }
    return new ScoreResponse(results);
  }

  private static Map<String, Object> statement(
      ScoreRequest.Item item, Scorecard card, ScoreResult result, Map<String, Object> roots) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("itemId", item.itemId());
    json.put("uscc", item.uscc());
    json.put("score", result.score());
    json.put("grade", result.grade().letter());
    json.put("gradeLabel", Map.of("zh", result.grade().zh(), "en", result.grade().en()));
    List<Object> reasons = new ArrayList<>();
    for (ReasonCode reason : result.reasons()) {
      reasons.add(Map.of("code", reason.code(), "zh", reason.zh(), "en", reason.en()));
    }
    json.put("reasonCodes", reasons);
    json.put("model", card.model());
    json.put("modelVersion", card.version());
    json.put("consentHash", item.consentHash());
    json.put("inputRoots", roots);
    return json;
  }
}
