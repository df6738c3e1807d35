package dev.safehouse.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safehouse.audit.AuditEntry;
import dev.safehouse.common.InvalidRequestException;
import dev.safehouse.common.ProblemType;
import dev.safehouse.common.Role;
import dev.safehouse.common.SafehouseException;
import dev.safehouse.policy.DisclosureRules;
import dev.safehouse.query.CheckResult;
import dev.safehouse.query.QueryPlan;
import dev.safehouse.storage.DatabaseUnavailableException;
import dev.safehouse.storage.ResearchRunStore;
import dev.safehouse.storage.ResearchRunStore.RunRow;
import dev.safehouse.storage.ResearchStore;
import dev.safehouse.storage.ResearchStore.ProjectRow;
import dev.safehouse.storage.ResearchStore.QueryRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The research workflow up to a run: researchers open projects and submit queries, stewards approve
 * or reject them. Every step is audited before it takes effect for the caller.
 *
 * <h2>Guarantees</h2>
 *
 * A researcher sees only their own projects and queries; anyone else's id answers 404, as does an
 * id that does not exist. A query is checked against the project's effective rules the moment it is
 * submitted; a denied query is not stored, and the answer lists every violation with its position.
 * Decisions are made once: deciding an already decided item answers 409.
 */
@ApplicationScoped
public class ResearchProjects {
  static final int MAX_TITLE = 200;
  static final int MAX_PURPOSE = 2000;
  static final int MAX_REASON = 2000;

  private final ResearchStore store;
  private final ResearchRunStore runs;
  private final ResearchPolicies policies;
  private final ReleaseGate gate;
  private final ObjectMapper json;
  private final Clock clock = Clock.systemUTC();

  ResearchProjects(
      ResearchStore store,
      ResearchRunStore runs,
      ResearchPolicies policies,
      ReleaseGate gate,
      ObjectMapper json) {
    this.store = store;
    this.runs = runs;
    this.policies = policies;
    this.gate = gate;
    this.json = json;
  }

  /** What a researcher asks for when opening a project. */
  public record NewProject(
      String title,
      String purpose,
      String template,
      List<String> datasets,
      BigDecimal requestedBudget) {}

  /** Opens a pending project for the calling researcher. */
  public ProjectRow create(Caller caller, NewProject request) {
    String title = text(request.title(), "title", MAX_TITLE);
    String purpose = text(request.purpose(), "purpose", MAX_PURPOSE);
    DisclosureRules rules = policies.rules(request.template(), request.datasets());
    BigDecimal budget =
        request.requestedBudget() == null ? BigDecimal.ZERO : request.requestedBudget();
    if (budget.signum() < 0
        || budget.scale() > 6
        || budget.compareTo(BigDecimal.valueOf(1000)) > 0) {
      throw new InvalidRequestException(
          "requestedBudget is an ε between 0 and 1000 with at most 6 decimals");
    }
    if (rules.dp().required() && budget.signum() == 0) {
      throw new InvalidRequestException(
          "this template requires differential privacy: request a budget (ε) above 0");
    }
    ProjectRow row =
        new ProjectRow(
            UUID.randomUUID(),
            caller.subject(),
            caller.organisation(),
            title,
            purpose,
            request.template(),
            policies.datasets(request.datasets()).stream().map(Object::toString).toList(),
            budget,
            "pending",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            BigDecimal.ZERO,
            Optional.empty(),
            clock.instant());
    audit(
        caller,
        Role.RESEARCHER,
        "research.project.create",
        row,
        AuditEntry.Decision.allow("role:researcher"));
    write(() -> store.insertProject(row));
    return row;
  }

  /**
   * Returns a project the caller may see: its researcher's, or any for a steward or auditor.
   *
   * @throws SafehouseException 404 otherwise
   */
  public ProjectRow visibleProject(Caller caller, UUID id) {
    ProjectRow row = read(() -> store.project(id)).orElseThrow(ResearchProjects::notFound);
    if (!row.researcher().equals(caller.subject())
        && !caller.roles().contains(Role.STEWARD)
        && !caller.roles().contains(Role.AUDITOR)) {
      throw notFound();
    }
    return row;
  }

  /** Lists the caller's projects (researcher) or all of them (steward, auditor), newest first. */
  public List<ProjectRow> projects(Caller caller, Optional<String> status, int limit) {
    boolean all = caller.roles().contains(Role.STEWARD) || caller.roles().contains(Role.AUDITOR);
    return read(
        () ->
            store.projects(all ? Optional.empty() : Optional.of(caller.subject()), status, limit));
  }

  /**
   * A steward approves or rejects a pending project. Approval grants ε per period: the requested
   * budget, capped by the policy's.
   */
  public ProjectRow decide(Caller steward, UUID id, boolean approve, String reason) {
    String why = text(reason, "reason", MAX_REASON);
    ProjectRow row = read(() -> store.project(id)).orElseThrow(ResearchProjects::notFound);
    if (!row.status().equals("pending")) {
      throw new SafehouseException(ProblemType.CONFLICT, "the project was already decided");
    }
    DisclosureRules rules = policies.rules(row.template(), row.datasets());
    BigDecimal granted =
        rules.dp().required() ? row.requestedBudget().min(rules.dp().budget()) : null;
    audit(
        steward,
        Role.STEWARD,
        "research.project.decide",
        row,
        approve
            ? AuditEntry.Decision.allow("steward-approval")
            : AuditEntry.Decision.deny("steward-rejection"));
    return read(() ->
            store.decideProject(
                id,
                approve,
                steward.subject(),
                why,
                granted,
                rules.dp().refresh(),
                clock.instant()))
        .orElseThrow(
            () -> new SafehouseException(ProblemType.CONFLICT, "the project was already decided"));
  }

  /**
   * Checks a researcher's SQL against the project's rules and stores it if it passes: approved at
   * once for a trusted project, else pending a steward.
   *
   * @throws RefusalException 422 listing every violation if the policy denies it
   */
  public QueryRow submit(Caller caller, UUID projectId, String sql) {
    ProjectRow project = ownProject(caller, projectId);
    if (!project.status().equals("approved")) {
      throw new SafehouseException(ProblemType.CONFLICT, "the project is not approved");
    }
    if (sql == null || sql.isBlank()) {
      throw new InvalidRequestException("sql is required");
    }
    DisclosureRules rules = policies.rules(project.template(), project.datasets());
    CheckResult result =
        policies.checker().check(sql, policies.datasets(project.datasets()), rules);
    if (result instanceof CheckResult.Denied denied) {
      List<String> ids = denied.violations().stream().map(v -> v.rule()).distinct().toList();
      audit(
          caller,
          Role.RESEARCHER,
          "research.query.submit",
          project,
          AuditEntry.Decision.deny(ids.toArray(String[]::new)));
      throw new RefusalException(
          ProblemType.QUERY_DENIED,
          denied.violations().size() + " policy violation(s) in the query",
          ids,
          denied.violations());
    }
    QueryPlan plan = ((CheckResult.Accepted) result).plan();
    boolean trusted = rules.approval() == DisclosureRules.Approval.TRUSTED;
    QueryRow row =
        new QueryRow(
            UUID.randomUUID(),
            project.id(),
            sql,
            plan.hash(),
            plan.describe(),
            parameters(plan),
            trusted ? "approved" : "pending",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            clock.instant());
    gate.record(
        new ReleaseGate.Request(
            caller,
            Role.RESEARCHER,
            "research.query.submit",
            Optional.of(project.purpose()),
            target(row.id()),
            AuditEntry.Decision.allow(
                "policy-check",
                trusted ? "trusted-template" : "awaits-steward",
                "plan:" + plan.hash())));
    write(() -> store.insertQuery(row));
    return row;
  }

  /**
   * Returns a query the caller may see: in their own project, or any for a steward or auditor.
   *
   * @throws SafehouseException 404 otherwise
   */
  public QueryRow visibleQuery(Caller caller, UUID id) {
    QueryRow query = read(() -> store.query(id)).orElseThrow(ResearchProjects::notFound);
    visibleProject(caller, query.projectId());
    return query;
  }

  /** Lists queries: a project's (for those who may see it) or, for stewards, all in a status. */
  public List<QueryRow> queries(
      Caller caller, Optional<UUID> projectId, Optional<String> status, int limit) {
    if (projectId.isPresent()) {
      visibleProject(caller, projectId.get());
    } else if (!caller.roles().contains(Role.STEWARD) && !caller.roles().contains(Role.AUDITOR)) {
      throw new InvalidRequestException("name the project whose queries to list");
    }
    return read(() -> store.queries(projectId, status, limit));
  }

  /**
   * Lists a project's runs, newest first, at most {@code limit}, for those who may see the project.
   *
   * @throws SafehouseException 404 if the caller may not see the project
   */
  public List<RunRow> runs(Caller caller, UUID projectId, int limit) {
    visibleProject(caller, projectId);
    return read(() -> runs.runs(projectId, limit));
  }

  /** A steward approves or rejects a pending query. */
  public QueryRow decideQuery(Caller steward, UUID id, boolean approve, String reason) {
    String why = text(reason, "reason", MAX_REASON);
    QueryRow query = read(() -> store.query(id)).orElseThrow(ResearchProjects::notFound);
    if (!query.status().equals("pending")) {
      throw new SafehouseException(ProblemType.CONFLICT, "the query was already decided");
    }
    gate.record(
        new ReleaseGate.Request(
            steward,
            Role.STEWARD,
            "research.query.decide",
            Optional.empty(),
            target(query.id()),
            approve
                ? AuditEntry.Decision.allow("steward-approval")
                : AuditEntry.Decision.deny("steward-rejection")));
    return read(() -> store.decideQuery(id, approve, steward.subject(), why, clock.instant()))
        .orElseThrow(
            () -> new SafehouseException(ProblemType.CONFLICT, "the query was already decided"));
  }

  /** Returns the caller's own project, or 404. */
  ProjectRow ownProject(Caller caller, UUID id) {
    ProjectRow row = read(() -> store.project(id)).orElseThrow(ResearchProjects::notFound);
    if (!row.researcher().equals(caller.subject())) {
      throw notFound();
    }
    return row;
  }

  private String parameters(QueryPlan plan) {
    Map<String, String> declared = new LinkedHashMap<>();
    plan.parameters().forEach(p -> declared.put(p.name(), p.type().name().toLowerCase()));
    try {
      return json.writeValueAsString(declared);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void audit(
      Caller caller, Role role, String action, ProjectRow project, AuditEntry.Decision decision) {
    gate.record(
        new ReleaseGate.Request(
            caller, role, action, Optional.of(project.purpose()), target(project.id()), decision));
  }

  static AuditEntry.Target target(UUID id) {
    return new AuditEntry.Target(Optional.empty(), Optional.empty(), Optional.of(id.toString()));
  }

  static SafehouseException notFound() {
    return new SafehouseException(ProblemType.NOT_FOUND, "no such project or query");
  }

  private static String text(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(field + " is required");
    }
    String trimmed = value.strip();
    if (trimmed.length() > max) {
      throw new InvalidRequestException(field + " is longer than " + max + " characters");
    }
    if (!isPlainText(trimmed)) {
      throw new InvalidRequestException(
          field + " holds a control character or is not valid Unicode text");
    }
    return trimmed;
  }

  /**
   * Whether {@code text} has no control character other than tab, newline and carriage return, and
   * no unpaired surrogate: PostgreSQL refuses NUL in text, and the audit log refuses unpaired
   * surrogates, so such text would otherwise fail late as a 5xx.
   */
  private static boolean isPlainText(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
        return false;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** A database call. */
  interface Call<T> {
    T run() throws SQLException;
  }

  /** A database write. */
  interface Write {
    void run() throws SQLException;
  }

  static <T> T read(Call<T> call) {
    try {
      return call.run();
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("the research store cannot be reached right now", e);
    }
  }

  static void write(Write write) {
    read(
        () -> {
          write.run();
          return null;
        });
  }
}
