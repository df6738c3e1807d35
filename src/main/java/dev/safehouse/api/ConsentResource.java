package dev.safehouse.api;

import dev.safehouse.common.InvalidRequestException;
import dev.safehouse.common.Role;
import dev.safehouse.service.Caller;
import dev.safehouse.service.Consent;
import dev.safehouse.service.Consents;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Consents (授权): an enterprise lets one institution take its fused score for some purposes until a
 * time. The enterprise (role {@code subject}) grants, lists and revokes its own; an institution
 * lists and reads those granted to it. Anyone else's consent answers 404.
 */
@Path("/v1/consents")
public class ConsentResource {
  private final Consents consents;
  private final JsonWebToken token;
  private final Clock clock = Clock.systemUTC();

  ConsentResource(Consents consents, JsonWebToken token) {
    this.consents = consents;
    this.token = token;
  }

  /**
   * A grant. The enterprise is the token's {@code uscc}; a body that names one is refused, so a
   * client cannot believe it granted for another enterprise.
   */
  public record GrantBody(
      String institution, List<String> purposes, Instant validUntil, String uscc) {}

  /**
   * A consent as its enterprise and its institution see it.
   *
   * @param status {@code live}, {@code revoked} or {@code expired}, now
   * @param consentHash SHA-256 of its terms, as audit entries of scores name it
   */
  public record ConsentView(
      UUID id,
      String uscc,
      String institution,
      List<String> purposes,
      Instant validUntil,
      Instant grantedAt,
      Instant revokedAt,
      String status,
      String consentHash) {
    static ConsentView of(Consent c, Instant now) {
      return new ConsentView(
          c.id(),
          c.uscc().value(),
          c.institution().value(),
          c.purposes(),
          c.validUntil(),
          c.grantedAt(),
          c.revokedAt().orElse(null),
          c.status(now).name().toLowerCase(Locale.ROOT),
          c.consentHash());
    }
  }

  /** Grants a consent from the caller's enterprise. */
  @POST
  @RolesAllowed(Role.SUBJECT_NAME)
  @Operation(summary = "Grant an institution consent to take this enterprise's score")
  public Response grant(GrantBody body) {
    if (body == null) {
      throw new InvalidRequestException("a consent body is required");
    }
    if (body.uscc() != null) {
      throw new InvalidRequestException(
          "uscc is not accepted: a consent is always from the token's enterprise");
    }
    Consent consent =
        consents.grant(
            Caller.from(token),
            new Consents.NewConsent(body.institution(), body.purposes(), body.validUntil()));
    return Response.status(Response.Status.CREATED)
        .entity(ConsentView.of(consent, clock.instant()))
        .build();
  }

  /** Lists the caller enterprise's consents, or those granted to the caller's institution. */
  @GET
  @RolesAllowed({Role.SUBJECT_NAME, Role.INSTITUTION_NAME})
  @Operation(summary = "Consents granted by this enterprise, or to this institution, newest first")
  public List<ConsentView> list(
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
    Instant now = clock.instant();
    return consents.list(Caller.from(token), limit).stream()
        .map(c -> ConsentView.of(c, now))
        .toList();
  }

  /** Returns one consent to its enterprise or its institution. */
  @GET
  @Path("/{id}")
  @RolesAllowed({Role.SUBJECT_NAME, Role.INSTITUTION_NAME})
  @Operation(summary = "One consent")
  public ConsentView get(@PathParam("id") UUID id) {
    return ConsentView.of(consents.visible(Caller.from(token), id), clock.instant());
  }

  /** Revokes one of the caller enterprise's consents; repeating it changes nothing. */
  @DELETE
  @Path("/{id}")
  @RolesAllowed(Role.SUBJECT_NAME)
  @Operation(summary = "Revoke a consent (idempotent); returns the revoked consent")
  public ConsentView revoke(@PathParam("id") UUID id) {
    return ConsentView.of(consents.revoke(Caller.from(token), id), clock.instant());
  }
}
