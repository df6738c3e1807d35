package dev.safehouse.api;

import dev.safehouse.common.Role;
import dev.safehouse.service.Caller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /v1/me}: who the service takes the caller to be. Any valid token may ask. */
@Path("/v1/me")
@Authenticated
public class MeResource {
  private final JsonWebToken token;

  MeResource(JsonWebToken token) {
    this.token = token;
  }

  /**
   * The caller as read from its token.
   *
   * @param subject the token's subject
   * @param roles the caller's known roles, sorted
   * @param organisation the caller's organisation, or null
   * @param uscc the enterprise a subject token speaks for, or null
   */
  public record MeResponse(String subject, List<String> roles, String organisation, String uscc) {}

  /** Returns the caller's subject, roles, organisation and (for enterprises) code. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The caller's identity as the service sees it")
  public MeResponse me() {
    Caller caller = Caller.from(token);
    return new MeResponse(
        caller.subject(),
        caller.roles().stream().map(Role::claimName).sorted().toList(),
        caller.organisation().orElse(null),
        caller.uscc().map(Object::toString).orElse(null));
  }
}
