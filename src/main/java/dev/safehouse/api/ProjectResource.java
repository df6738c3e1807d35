package dev.safehouse.api;

import dev.safehouse.common.InvalidRequestException;
import dev.safehouse.common.Role;
import dev.safehouse.service.Caller;
import dev.safehouse.service.ResearchProjects;
import dev.safehouse.storage.ResearchRunStore.RunRow;
import dev.safehouse.storage.ResearchStore.ProjectRow;
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
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Research projects: a researcher opens one (title, purpose, template, datasets, requested ε
 * budget), a steward approves or rejects it with a reason, and the researcher submits SQL to it.
 * Researchers see only their own projects (404 for anyone else's).
 */
@Path("/v1/projects")
public class ProjectResource {
  private final ResearchProjects projects;
  private final JsonWebToken token;

  ProjectResource(ResearchProjects projects, JsonWebToken token) {
    this.projects = projects;
    this.token = token;
  }

  /** A new project. */
  public record NewProjectBody(
      String title,
      String purpose,
      String template,
      List<String> datasets,
      BigDecimal requestedBudget) {}

  /** A steward's decision; {@code outcome} is {@code approve} or {@code reject}. */
  public record DecisionBody(String outcome, String reason) {
    boolean approve() {
      if ("approve".equals(outcome)) {
        return true;
      }
      if ("reject".equals(outcome)) {
        return false;
      }
      throw new InvalidRequestException("outcome is approve or reject");
    }
  }

  /** A query to submit: SQL with optional named parameters ({@code :name}). */
  public record NewQueryBody(String sql) {}

  /**
   * A project as its researcher and stewards see it; {@code epsilonSpent} is the ε charged since
   * {@code periodStart}, the start of the current budget period (null until approved with a
   * budget).
   */
  public record ProjectView(
      UUID id,
      String researcher,
      String organisation,
      String title,
      String purpose,
      String template,
      List<String> datasets,
      BigDecimal requestedBudget,
      String status,
      String decidedBy,
      String decisionReason,
      Instant decidedAt,
      BigDecimal epsilonBudget,
      String budgetRefresh,
      BigDecimal epsilonSpent,
      Instant periodStart,
      Instant createdAt) {
    static ProjectView of(ProjectRow p) {
      return new ProjectView(
          p.id(),
          p.researcher(),
          p.organisation().orElse(null),
          p.title(),
          p.purpose(),
          p.template(),
          p.datasets(),
          p.requestedBudget(),
          p.status(),
          p.decidedBy().orElse(null),
          p.decisionReason().orElse(null),
          p.decidedAt().orElse(null),
          p.epsilonBudget().orElse(null),
          p.budgetRefresh().map(Object::toString).orElse(null),
          p.epsilonSpent(),
          p.periodStart().orElse(null),
          p.createdAt());
    }
  }

  /**
   * A run of one of the project's queries.
   *
   * @param id the run
   * @param queryId the query it ran
   * @param status charged (waiting for the enclave), released, refused or failed
   * @param epsilon ε charged to the budget; a refused or failed run keeps its charge
   * @param createdAt when it was charged
   */
  public record RunView(
      UUID id, UUID queryId, String status, BigDecimal epsilon, Instant createdAt) {
    static RunView of(RunRow r) {
      return new RunView(r.id(), r.queryId(), r.status(), r.epsilon(), r.createdAt());
    }
  }

  /** Opens a project, pending a steward's decision. */
  @POST
  @RolesAllowed(Role.RESEARCHER_NAME)
  @Operation(summary = "Open a research project (pending a steward's approval)")
  public Response create(NewProjectBody body) {
    if (body == null) {
      throw new InvalidRequestException("a project body is required");
    }
    ProjectRow row =
        projects.create(
            Caller.from(token),
            new ResearchProjects.NewProject(
                body.title(),
                body.purpose(),
                body.template(),
                body.datasets(),
                body.requestedBudget()));
    return Response.status(Response.Status.CREATED).entity(ProjectView.of(row)).build();
  }

  /** Lists projects: the caller's own, or all for stewards and auditors. */
  @GET
  @RolesAllowed({Role.RESEARCHER_NAME, Role.STEWARD_NAME, Role.AUDITOR_NAME})
  @Operation(summary = "List projects (a researcher's own; all for stewards), newest first")
  public List<ProjectView> list(
      @QueryParam("status") @Pattern(regexp = "pending|approved|rejected") String status,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
    return projects.projects(Caller.from(token), Optional.ofNullable(status), limit).stream()
        .map(ProjectView::of)
        .toList();
  }

  /** Returns one project. */
  @GET
  @Path("/{id}")
  @RolesAllowed({Role.RESEARCHER_NAME, Role.STEWARD_NAME, Role.AUDITOR_NAME})
  @Operation(summary = "One project")
  public ProjectView get(@PathParam("id") UUID id) {
    return ProjectView.of(projects.visibleProject(Caller.from(token), id));
  }

  /** A steward approves or rejects a pending project. */
  @POST
  @Path("/{id}/decision")
  @RolesAllowed(Role.STEWARD_NAME)
  @Operation(summary = "Approve or reject a pending project, with a reason")
  public ProjectView decide(@PathParam("id") UUID id, DecisionBody body) {
    if (body == null) {
      throw new InvalidRequestException("a decision body is required");
    }
    return ProjectView.of(projects.decide(Caller.from(token), id, body.approve(), body.reason()));
  }

  /**
   * Submits SQL to an approved project of the caller. It is checked at once: a denial (422) lists
   * every violation with its rule id and position; an accepted query is approved at once in a
   * trusted project, else pending a steward.
   */
  @POST
  @Path("/{id}/queries")
  @RolesAllowed(Role.RESEARCHER_NAME)
  @Operation(summary = "Submit a query; checked at once against the project's policy")
  public Response submit(@PathParam("id") UUID id, NewQueryBody body) {
    if (body == null) {
      throw new InvalidRequestException("a query body is required");
    }
    QueryRow row = projects.submit(Caller.from(token), id, body.sql());
    return Response.status(Response.Status.CREATED).entity(QueryResource.QueryView.of(row)).build();
  }

  /** Lists a project's queries. */
  @GET
  @Path("/{id}/queries")
  @RolesAllowed({Role.RESEARCHER_NAME, Role.STEWARD_NAME, Role.AUDITOR_NAME})
  @Operation(summary = "A project's queries, newest first")
  public List<QueryResource.QueryView> queries(
      @PathParam("id") UUID id,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
    return projects.queries(Caller.from(token), Optional.of(id), Optional.empty(), limit).stream()
        .map(QueryResource.QueryView::of)
        .toList();
  }

  /**
   * Lists a project's runs, newest first, at most {@code limit} (default 100, at most 1000): not
   * paged. A researcher sees only their own project's (404 otherwise).
   */
  @GET
  @Path("/{id}/runs")
  @RolesAllowed({Role.RESEARCHER_NAME, Role.STEWARD_NAME, Role.AUDITOR_NAME})
  @Operation(summary = "A project's runs and the ε each charged, newest first (at most 1000)")
  public List<RunView> runs(
      @PathParam("id") UUID id,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    return projects.runs(Caller.from(token), id, limit).stream().map(RunView::of).toList();
  }
}
