package dev.safehouse.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safehouse.common.InvalidRequestException;
import dev.safehouse.common.Role;
import dev.safehouse.service.Caller;
import dev.safehouse.service.QueryRuns;
import dev.safehouse.service.ReleaseGate;
import dev.safehouse.service.ResearchProjects;
import dev.safehouse.storage.ResearchStore.QueryRow;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Research queries: the steward's approval queue and decisions, and the researcher's runs. A run
 * returns the released cells, the suppression report, ε spent and remaining, the enclave's signed
 * statement and the audit receipt.
 */
@Path("/v1/queries")
public class QueryResource {
  private final ResearchProjects projects;
  private final QueryRuns runs;
  private final JsonWebToken token;
  private static final ObjectMapper JSON = new ObjectMapper();

  QueryResource(ResearchProjects projects, QueryRuns runs, JsonWebToken token) {
    this.projects = projects;
    this.runs = runs;
    this.token = token;
  }

  /** A query as stored: its SQL, canonical plan and declared parameters. */
  public record QueryView(
      UUID id,
      UUID projectId,
      String sql,
      String planHash,
      String plan,
      JsonNode parameters,
      String status,
      String decidedBy,
      String decisionReason,
      Instant decidedAt,
      Instant createdAt) {
    static QueryView of(QueryRow q) {
      try {
        return new QueryView(
            q.id(),
            q.projectId(),
            q.sql(),
            q.planHash(),
            q.plan(),
            JSON.readTree(q.parametersJson()),
            q.status(),
            q.decidedBy().orElse(null),
            q.decisionReason().orElse(null),
            q.decidedAt().orElse(null),
            q.createdAt());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Parameter values for a run, by name. */
  public record RunBody(Map<String, Object> parameters) {}

  /** The steward's queue: queries in a status (default pending), oldest decisions first. */
  @GET
  @RolesAllowed({Role.STEWARD_NAME, Role.AUDITOR_NAME})
  @Operation(summary = "Queries in a status, for stewards (default: pending approval)")
  public List<QueryView> list(
      @QueryParam("status") @DefaultValue("pending") @Pattern(regexp = "pending|approved|rejected")
          String status,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
    return projects
        .queries(Caller.from(token), Optional.empty(), Optional.of(status), limit)
        .stream()
        .map(QueryView::of)
        .toList();
  }

  /** Returns one query. */
  @GET
  @Path("/{id}")
  @RolesAllowed({Role.RESEARCHER_NAME, Role.STEWARD_NAME, Role.AUDITOR_NAME})
  @Operation(summary = "One query")
  public QueryView get(@PathParam("id") UUID id) {
    return QueryView.of(projects.visibleQuery(Caller.from(token), id));
  }

  /** A steward approves or rejects a pending query. */
  @POST
  @Path("/{id}/decision")
  @RolesAllowed(Role.STEWARD_NAME)
  @Operation(summary = "Approve or reject a pending query, with a reason")
  public QueryView decide(@PathParam("id") UUID id, ProjectResource.DecisionBody body) {
    if (body == null) {
      throw new InvalidRequestException("a decision body is required");
    }
    return QueryView.of(
        projects.decideQuery(Caller.from(token), id, body.approve(), body.reason()));
  }

  /** Runs an approved query of the caller's project. */
  @POST
  @Path("/{id}/runs")
  @RolesAllowed(Role.RESEARCHER_NAME)
  @Operation(
      summary =
          "Run an approved query: released cells, suppression report, ε spent and remaining,"
              + " the enclave's signature and the audit receipt")
  public ReleaseGate.Released<QueryRuns.RunResult> run(@PathParam("id") UUID id, RunBody body) {
    return runs.run(Caller.from(token), id, body == null ? Map.of() : body.parameters());
  }
}
