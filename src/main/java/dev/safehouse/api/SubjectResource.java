package dev.safehouse.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safehouse.common.Role;
import dev.safehouse.service.Caller;
import dev.safehouse.storage.AuditStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * What an enterprise may see about itself: who accessed its data, when and why (查询记录), read from
 * the audit log entries that name its code.
 */
@Path("/v1/subjects/me")
public class SubjectResource {
  private final AuditStore store;
  private final ObjectMapper json;
  private final JsonWebToken token;

  SubjectResource(AuditStore store, ObjectMapper json, JsonWebToken token) {
    this.store = store;
    this.json = json;
    this.token = token;
  }

  /**
   * One access to the enterprise's data.
   *
   * @param index the audit entry's index (its inclusion can be proven)
   * @param time when
   * @param organisation who (the accessing organisation), if known
   * @param role in which role
   * @param action what was done
   * @param purpose the stated purpose, if any
   * @param decision allow or deny
   */
  public record AccessView(
      long index,
      String time,
      String organisation,
      String role,
      String action,
      String purpose,
      String decision) {}

  /** A page of accesses, newest first; {@code next} is the {@code before} of the next page. */
  public record AccessesView(List<AccessView> accesses, Long next) {}

  /** Returns the accesses to the caller's enterprise, newest first. */
  @GET
  @Path("/accesses")
  @RolesAllowed(Role.SUBJECT_NAME)
  @Operation(summary = "The caller enterprise's access history from the audit log, newest first")
  public AccessesView accesses(
      @QueryParam("before") @Min(0) Long before,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
    String uscc = Caller.from(token).uscc().orElseThrow().value();
    List<AuditStore.StoredEntry> rows =
        AuditResource.query(
            () -> store.accesses(uscc, before == null ? Long.MAX_VALUE : before, limit));
    List<AccessView> accesses = new ArrayList<>();
    for (AuditStore.StoredEntry row : rows) {
      accesses.add(view(row));
    }
    Long next = rows.size() == limit ? rows.get(rows.size() - 1).index() : null;
    return new AccessesView(accesses, next);
  }

  private AccessView view(AuditStore.StoredEntry row) {
    try {
      JsonNode entry = json.readTree(row.entry());
      JsonNode actor = entry.path("actor");
      return new AccessView(
          row.index(),
          entry.path("time").asText(),
          actor.path("organisation").asText(null),
          actor.path("role").asText(),
          entry.path("action").asText(),
          entry.path("purpose").asText(null),
          entry.path("decision").path("outcome").asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
