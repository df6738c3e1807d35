package dev.safehouse.enclave.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safehouse.audit.CanonicalJson;
import dev.safehouse.common.DatasetId;
import dev.safehouse.common.InvalidRequestException;
import dev.safehouse.common.Sha256;
import dev.safehouse.enclave.RequestHandler;
import dev.safehouse.enclave.ingest.EnclaveContext;
import dev.safehouse.enclave.protocol.ErrorCode;
import dev.safehouse.enclave.protocol.ErrorResponse;
import dev.safehouse.enclave.protocol.QueryRunRequest;
import dev.safehouse.enclave.protocol.QueryRunResponse;
import dev.safehouse.enclave.protocol.Response;
import dev.safehouse.enclave.store.StoreException;
import dev.safehouse.policy.DisclosureRules;
import dev.safehouse.policy.ProjectTemplate;
import dev.safehouse.policy.QueryPolicies;
import dev.safehouse.privacy.CheckedCells;
import dev.safehouse.privacy.DiscreteNoise;
import dev.safehouse.privacy.OneShotNoise;
import dev.safehouse.privacy.OutputChecks;
import dev.safehouse.query.CheckResult;
import dev.safehouse.query.CheckedQueries;
import dev.safehouse.query.EnumDomains;
import dev.safehouse.query.GeneratedQuery;
import dev.safehouse.query.ParameterException;
import dev.safehouse.query.QueryChecker;
import dev.safehouse.query.QueryPlan;
import dev.safehouse.query.SqlGenerator;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one research query inside the enclave. The host's checks are a first line; these are the
 * law: the enclave derives the project's rules from its own policy bundle, re-checks the SQL,
 * generates the SQL it runs, applies the differencing guard (without DP) and the output checks, and
 * signs {@code (runId, resultHash, planHash, policyHash, inputRoots, ε)} with its attested key.
 *
 * <h2>Security guarantees</h2>
 *
 * No researcher text is executed. A refusal names rules only, never a value or a count. Noise comes
 * from a fresh {@link SecureRandom} draw per run, never reused. Failures of the engine are reported
 * without their messages.
 */
public final class QueryRunHandler implements RequestHandler<QueryRunRequest> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EnclaveContext context;
  private final SecureRandom random = new SecureRandom();
  private QueryPolicies checkedPolicies;
  private CheckedQueries checker;

  /** Creates the handler. */
  public QueryRunHandler(EnclaveContext context) {
    this.context = context;
  }

  @Override
  public Response handle(QueryRunRequest request) {
    if (context.keys().isEmpty() || context.queryPolicies().isEmpty()) {
      return new ErrorResponse(ErrorCode.UNEXPECTED_MESSAGE, "the enclave is not initialised");
    }
    QueryPolicies policies = context.queryPolicies().get();
    Optional<ProjectTemplate> template = policies.template(request.template());
    Set<DatasetId> datasets = new LinkedHashSet<>();
    try {
      for (String dataset : request.datasets()) {
        datasets.add(DatasetId.parse(dataset));
      }
    } catch (InvalidRequestException e) {
      return refused(List.of("unknown-dataset"), List.of());
    }
    if (template.isEmpty()) {
      return refused(List.of("unknown-template"), List.of());
    }
    DisclosureRules rules = policies.rulesFor(template.get(), datasets);
    if (!epsilonMatches(request.epsilon(), rules)) {
      return refused(List.of("epsilon-mismatch"), List.of());
    }
    CheckedQueries checker = checker(policies);
    Optional<GeneratedQuery> next;
    QueryPlan plan;
    CheckResult checked = checker.check(request.sql(), datasets, rules);
    if (checked instanceof CheckResult.Denied denied) {
      return refused(
          denied.violations().stream().map(v -> v.rule()).distinct().toList(),
          denied.violations().stream().map(v -> (Object) violation(v)).toList());
    }
    plan = ((CheckResult.Accepted) checked).plan();
    next = generate(plan, request.parametersJson());
    if (next.isEmpty()) {
      return refused(List.of("bad-parameter"), List.of());
    }
    try {
      if (!rules.dp().required() && differs(request, checker, datasets, rules, next.get())) {
        return refused(List.of("differencing"), List.of());
      }
      CheckedCells cells =
          OutputChecks.apply(
              CellReader.read(context.tables(), next.get()),
              rules,
              new OneShotNoise(new DiscreteNoise(random)));
      return released(request, plan, next.get(), rules, cells);
    } catch (StoreException e) {
      return new ErrorResponse(ErrorCode.INTERNAL, "the enclave's engine refused the query");
    }
  }

  /** The checker for the loaded policies, kept while they stay loaded. */
  private CheckedQueries checker(QueryPolicies policies) {
    if (checker == null || checkedPolicies != policies) {
      checker =
          new CheckedQueries(
              new QueryChecker(policies.catalog(), EnumDomains.of(context.schemas().orElseThrow())),
              256);
      checkedPolicies = policies;
    }
    return checker;
  }

  private boolean differs(
      QueryRunRequest request,
      CheckedQueries checker,
      Set<DatasetId> datasets,
      DisclosureRules rules,
      GeneratedQuery next) {
    DifferencingGuard guard = new DifferencingGuard(context.tables());
    QueryRunRequest.Release current =
        new QueryRunRequest.Release(request.sql(), request.parametersJson());
    Set<QueryRunRequest.Release> compared = new HashSet<>();
    for (QueryRunRequest.Release release : request.earlierReleases()) {
      if (release.equals(current) || !compared.add(release)) {
        continue; // the same text and values release the same cells: nothing new to isolate
      }
      if (checker.check(release.sql(), datasets, rules) instanceof CheckResult.Accepted earlier) {
        Optional<GeneratedQuery> old = generate(earlier.plan(), release.parametersJson());
        if (old.isPresent() && guard.isolates(old.get(), next, rules.k())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean epsilonMatches(String epsilon, DisclosureRules rules) {
    if (!rules.dp().required()) {
      return epsilon.isEmpty();
    }
    try {
      return new BigDecimal(epsilon).compareTo(rules.dp().epsilonPerQuery()) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Optional<GeneratedQuery> generate(QueryPlan plan, String parametersJson) {
    try {
      Object parsed = JSON.readValue(parametersJson, Object.class);
      if (!(parsed instanceof Map<?, ?> map)) {
        return Optional.empty();
      }
      Map<String, Object> values = new LinkedHashMap<>();
      map.forEach((k, v) -> values.put(String.valueOf(k), v));
      return Optional.of(SqlGenerator.generate(plan, values));
    } catch (JsonProcessingException | ParameterException e) {
      return Optional.empty();
    }
  }

  private Response released(
      QueryRunRequest request,
      QueryPlan plan,
      GeneratedQuery query,
      DisclosureRules rules,
      CheckedCells cells) {
    Map<String, Object> result = ResultDocument.of(query, rules, cells);
    byte[] body = CanonicalJson.encode(result);
    Map<String, Object> roots = new LinkedHashMap<>();
    context
        .inputRoots()
        .forEach(
            (dataset, root) ->
                roots.put(dataset, Map.of("version", root.version(), "root", root.root())));
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("runId", request.runId());
    statement.put("projectId", request.projectId());
    statement.put("resultHash", Sha256.hex(body));
    statement.put("planHash", plan.hash());
    statement.put("policyHash", context.policyHash());
    statement.put("inputRoots", roots);
    if (rules.dp().required()) {
      statement.put("epsilon", request.epsilon());
    }
    byte[] signed = CanonicalJson.encode(statement);
    String signature =
        Base64.getEncoder().encodeToString(context.keys().get().signer().sign(signed));
    return new QueryRunResponse(true, body, signed, signature);
  }

  private static Map<String, Object> violation(dev.safehouse.query.Violation v) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("rule", v.rule());
    json.put("message", v.message());
    json.put("line", v.line());
    json.put("column", v.column());
    json.put("length", v.length());
    return json;
  }

  private static QueryRunResponse refused(List<String> rules, List<Object> violations) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("rules", new ArrayList<>(rules));
    body.put("violations", violations);
    return new QueryRunResponse(false, CanonicalJson.encode(body), new byte[0], "");
  }
}
