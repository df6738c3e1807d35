package dev.safehouse.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safehouse.audit.AuditEntry;
import dev.safehouse.common.InvalidRequestException;
import dev.safehouse.common.ProblemType;
import dev.safehouse.common.Role;
import dev.safehouse.common.SafehouseException;
import dev.safehouse.common.Sha256;
import dev.safehouse.enclave.protocol.QueryRunRequest;
import dev.safehouse.enclave.protocol.QueryRunResponse;
import dev.safehouse.policy.DisclosureRules;
import dev.safehouse.query.CheckResult;
import dev.safehouse.query.ParameterException;
import dev.safehouse.query.SqlGenerator;
import dev.safehouse.storage.ResearchStore;
import dev.safehouse.storage.ResearchStore.Budget;
import dev.safehouse.storage.ResearchStore.ProjectRow;
import dev.safehouse.storage.ResearchStore.QueryRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs an approved query: checks the parameters, charges the privacy budget before anything is
 * computed, has the enclave run, check and sign the result, and releases it through the audit gate.
 *
 * <h2>Guarantees</h2>
 *
 * Where the project's rules require differential privacy, ε is charged atomically before the
 * enclave is asked: concurrent runs can never overspend, and a charge is never refunded (a run that
 * fails after its charge may have computed something). Without DP, the enclave compares the run
 * with every earlier release of the project (the differencing guard). A result reaches the
 * researcher only after its audit entry — with the result hash, the enclave's signature and the ε
 * charged — is durable.
 */
@ApplicationScoped
public class QueryRuns {
  private static final Duration ENCLAVE_TIMEOUT = Duration.ofMinutes(2);
  private static final int MAX_PARAMETERS_JSON = 16 * 1024;

  private final ResearchStore store;
  private final ResearchPolicies policies;
  private final ResearchProjects projects;
  private final EnclaveService enclave;
  private final EnclaveInitializer initializer;
  private final ReleaseGate gate;
  private final ObjectMapper json;
  private final Clock clock = Clock.systemUTC();

  QueryRuns(
      ResearchStore store,
      ResearchPolicies policies,
      ResearchProjects projects,
      EnclaveService enclave,
      EnclaveInitializer initializer,
      ReleaseGate gate,
      ObjectMapper json) {
    this.store = store;
    this.policies = policies;
    this.projects = projects;
    this.enclave = enclave;
    this.initializer = initializer;
    this.gate = gate;
    this.json = json;
  }

  /**
   * A released run.
   *
   * @param runId the run's id
   * @param result the released result (columns, rows, suppression report, rules applied)
   * @param statement the exact JSON the enclave signed: run id, result hash (SHA-256 of the
   *     result's RFC 8785 canonical JSON), plan hash, policy hash, input roots, ε
   * @param signature the enclave's base64 signature over {@code statement}
   * @param epsilonSpent ε charged for this run (0 without DP)
   * @param epsilonRemaining ε left in the project's current period, or null without DP
   */
  public record RunResult(
      UUID runId,
      Object result,
      String statement,
      String signature,
      BigDecimal epsilonSpent,
      BigDecimal epsilonRemaining) {}

  /** Runs query {@code queryId} of the caller's project with {@code parameters}. */
  public ReleaseGate.Released<RunResult> run(
      Caller caller, UUID queryId, Map<String, Object> parameters) {
    QueryRow query =
        ResearchProjects.read(() -> store.query(queryId)).orElseThrow(ResearchProjects::notFound);
    ProjectRow project = projects.ownProject(caller, query.projectId());
    if (!project.status().equals("approved")) {
      throw new SafehouseException(ProblemType.CONFLICT, "the project is not approved");
    }
    if (!query.status().equals("approved")) {
      throw new SafehouseException(
          ProblemType.CONFLICT, "the query is " + query.status() + ", not approved");
    }
    Map<String, Object> values = parameters == null ? Map.of() : parameters;
    String parametersJson = parametersJson(values);
    DisclosureRules rules = policies.rules(project.template(), project.datasets());
    checkParameters(query, project, rules, values);

    initializer.requireInitialised(); // before the charge: a restarting enclave spends no ε
    UUID runId = UUID.randomUUID();
    BigDecimal epsilon = rules.dp().required() ? rules.dp().epsilonPerQuery() : BigDecimal.ZERO;
    Optional<Budget> budget = Optional.empty();
    if (rules.dp().required()) {
      budget =
          ResearchProjects.read(
              () ->
                  store.charge(
                      project.id(), runId, query.id(), parametersJson, epsilon, clock.instant()));
      if (budget.isEmpty()) {
        gate.record(request(caller, project, query, AuditEntry.Decision.deny("budget-exhausted")));
        throw new RefusalException(
            ProblemType.BUDGET_EXHAUSTED,
            "the run needs ε "
                + epsilon.toPlainString()
                + " and the project's budget for this period does not cover it",
            List.of("budget-exhausted"),
            List.of());
      }
    } else {
      ResearchProjects.write(
          () -> store.insertRun(runId, query.id(), project.id(), parametersJson));
    }
    List<QueryRunRequest.Release> earlier =
        rules.dp().required()
            ? List.of()
            : ResearchProjects.read(() -> store.releasedRuns(project.id())).stream()
                .map(r -> new QueryRunRequest.Release(r.sql(), r.parametersJson()))
                .toList();
    QueryRunResponse answer;
    try {
      answer =
          enclave.call(
              new QueryRunRequest(
                  runId.toString(),
                  project.id().toString(),
                  project.template(),
                  project.datasets(),
                  query.sql(),
                  parametersJson,
                  rules.dp().required() ? epsilon.toPlainString() : "",
                  earlier),
              QueryRunResponse.class,
              ENCLAVE_TIMEOUT);
    } catch (RuntimeException e) {
      ResearchProjects.write(() -> store.finishRun(runId, "failed", Optional.empty()));
      throw e;
    }
    if (!answer.released()) {
      List<String> refusedBy = refusalRules(answer.body());
      ResearchProjects.write(() -> store.finishRun(runId, "refused", Optional.empty()));
      gate.record(
          request(
              caller, project, query, AuditEntry.Decision.deny(refusedBy.toArray(String[]::new))));
      throw new RefusalException(
          ProblemType.RELEASE_REFUSED,
          "the enclave refused to release this run: " + String.join(", ", refusedBy),
          refusedBy,
          List.of());
    }
    String resultHash = Sha256.hex(answer.body());
    Object result = parse(answer.body());
    RunResult run =
        new RunResult(
            runId,
            result,
            new String(answer.statement(), StandardCharsets.UTF_8),
            answer.signature(),
            epsilon,
            budget.map(Budget::remaining).orElse(null));
    ReleaseGate.Released<RunResult> released =
        gate.releaseSigned(
            request(
                caller,
                project,
                query,
                AuditEntry.Decision.allow(
                    rules.dp().required() ? "dp" : "differencing-guard", "output-checks")),
            run,
            resultHash,
            answer.signature(),
            rules.dp().required() ? Optional.of(epsilon.doubleValue()) : Optional.empty());
    ResearchProjects.write(() -> store.finishRun(runId, "released", Optional.of(resultHash)));
    return released;
  }

  private void checkParameters(
      QueryRow query, ProjectRow project, DisclosureRules rules, Map<String, Object> values) {
    CheckResult checked =
        policies.checker().check(query.sql(), policies.datasets(project.datasets()), rules);
    if (!(checked instanceof CheckResult.Accepted accepted)) {
      throw new RefusalException(
          ProblemType.QUERY_DENIED,
          "the query no longer passes the policy; submit it again",
          ((CheckResult.Denied) checked)
              .violations().stream().map(v -> v.rule()).distinct().toList(),
          ((CheckResult.Denied) checked).violations());
    }
    try {
      SqlGenerator.generate(accepted.plan(), values);
    } catch (ParameterException e) {
      throw new InvalidRequestException(e.getMessage());
    }
  }

  private ReleaseGate.Request request(
      Caller caller, ProjectRow project, QueryRow query, AuditEntry.Decision decision) {
    return new ReleaseGate.Request(
        caller,
        Role.RESEARCHER,
        "research.query.run",
        Optional.of(project.purpose()),
        ResearchProjects.target(query.id()),
        decision);
  }

  private String parametersJson(Map<String, Object> values) {
    try {
      String text = json.writeValueAsString(values);
      if (text.length() > MAX_PARAMETERS_JSON) {
        throw new InvalidRequestException("the parameters are too large");
      }
      return text;
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("the parameters are not valid JSON values");
    }
  }

  private Object parse(byte[] body) {
    try {
      return json.readValue(body, Object.class);
    } catch (java.io.IOException e) {
      throw new SafehouseException(ProblemType.INTERNAL, "the enclave returned a malformed result");
    }
  }

  private List<String> refusalRules(byte[] body) {
    try {
      Map<String, Object> refusal = json.readValue(body, new TypeReference<>() {});
      Object rules = refusal.get("rules");
      return rules instanceof List<?> list
          ? list.stream().map(String::valueOf).toList()
          : List.of("refused");
    } catch (java.io.IOException e) {
      return List.of("refused");
    }
  }
}
