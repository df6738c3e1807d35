package dev.safehouse.api;

import dev.safehouse.common.Uscc;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /v1/identifiers/uscc}: normalises and checks a Unified Social Credit Code the way the
 * service will when it receives one, so clients can validate input before they send consents or
 * score requests. Any valid token may ask; nothing is stored or logged.
 */
@Path("/v1/identifiers/uscc")
@Authenticated
public class IdentifierResource {

  /**
   * A code as a client has it.
   *
   * @param uscc the code, in any case, with full-width characters or surrounding spaces
   */
  public record UsccCheckRequest(@NotNull @NotBlank @Size(max = 64) String uscc) {}

  /**
   * A valid code in normal form and its parts (GB 32100-2015).
   *
   * @param uscc the normalised 18-character code
   * @param registrationAuthority the registration authority code (character 1)
   * @param entityType the entity type code (character 2)
   * @param administrativeDivision the administrative division code (characters 3–8)
   */
  public record UsccCheckResponse(
      String uscc,
      String registrationAuthority,
      String entityType,
      String administrativeDivision) {}

  /**
   * Returns the normal form of a valid code.
   *
   * @throws dev.safehouse.common.InvalidRequestException 400 if the code is not valid
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Normalise and validate a unified social credit code")
  public UsccCheckResponse check(@Valid @NotNull UsccCheckRequest request) {
    Uscc uscc = Uscc.parse(request.uscc());
    return new UsccCheckResponse(
        uscc.value(),
        String.valueOf(uscc.registrationAuthorityCode()),
        String.valueOf(uscc.entityTypeCode()),
        uscc.administrativeDivisionCode());
  }
}
