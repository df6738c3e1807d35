package dev.safehouse.api;

import dev.safehouse.common.InvalidRequestException;
import dev.safehouse.common.Role;
import dev.safehouse.service.Caller;
import dev.safehouse.service.ReleaseGate;
import dev.safehouse.service.Scores;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Fused credit scores for institutions, with the enterprise's consent: score, grade, ranked reason
 * codes, model version and the enclave's signature, released with an audit receipt.
 */
@Path("/v1/scores")
public class ScoreResource {
  private final Scores scores;
  private final JsonWebToken token;

  ScoreResource(Scores scores, JsonWebToken token) {
    this.scores = scores;
    this.token = token;
  }

  /** One enterprise and the consent the institution holds for it. */
  public record ScoreBody(String uscc, String purpose, UUID consentId) {
    Scores.Ask ask() {
      return new Scores.Ask(uscc, purpose, consentId);
    }
  }

  /** Up to 1 000 enterprises. */
  public record BatchBody(List<ScoreBody> items) {}

  /** Scores one enterprise (403 without a live consent, 429 over quota). */
  @POST
  @RolesAllowed(Role.INSTITUTION_NAME)
  @Operation(summary = "The fused credit score of one enterprise, with its consent")
  public ReleaseGate.Released<Scores.Score> score(ScoreBody body) {
    if (body == null) {
      throw new InvalidRequestException("a score request body is required");
    }
    return scores.score(Caller.from(token), body.ask());
  }

  /** Scores up to 1 000 enterprises, each checked and answered on its own. */
  @POST
  @Path("/batch")
  @RolesAllowed(Role.INSTITUTION_NAME)
  @Operation(summary = "Scores of up to 1 000 enterprises, each checked and answered on its own")
  public Scores.Batch batch(BatchBody body) {
    if (body == null || body.items() == null) {
      throw new InvalidRequestException("a batch body with items is required");
    }
    return scores.batch(
        Caller.from(token),
        body.items().stream().map(item -> item == null ? null : item.ask()).toList());
  }

  /** A score released to the calling institution, again; anyone else's id answers 404. */
  @GET
  @Path("/{id}")
  @RolesAllowed(Role.INSTITUTION_NAME)
  @Operation(summary = "A score released to the calling institution, with its receipt")
  public Object released(@PathParam("id") UUID id) {
    return scores.released(Caller.from(token), id);
  }

  /** A batch answered to the calling institution, again; anyone else's id answers 404. */
  @GET
  @Path("/batches/{id}")
  @RolesAllowed(Role.INSTITUTION_NAME)
  @Operation(summary = "A batch answered to the calling institution")
  public Object releasedBatch(@PathParam("id") UUID id) {
    return scores.releasedBatch(Caller.from(token), id);
  }
}
