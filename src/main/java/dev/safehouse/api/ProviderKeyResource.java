package dev.safehouse.api;

import dev.safehouse.common.ProblemType;
import dev.safehouse.common.ProviderId;
import dev.safehouse.common.Role;
import dev.safehouse.common.SafehouseException;
import dev.safehouse.crypto.CryptoFailureException;
import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.Verifier;
import dev.safehouse.service.Caller;
import dev.safehouse.storage.ProviderKeyEntity;
import dev.safehouse.storage.ProviderKeyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Providers' verification keys: stewards register them; the enclave accepts an envelope only when
 * its header is signed by the provider's registered key.
 */
@Path("/v1/providers/{providerId}/keys")
@Produces(MediaType.APPLICATION_JSON)
public class ProviderKeyResource {
  private final ProviderKeyRepository keys;
  private final JsonWebToken token;
  private final CryptoSuite suite;

  ProviderKeyResource(ProviderKeyRepository keys, JsonWebToken token, CryptoSuite suite) {
    this.suite = suite;
    this.keys = keys;
    this.token = token;
  }

  /**
   * A key to register.
   *
   * @param publicKey the key's text form, as {@code safehouse provider keygen} prints it; a key of
   *     the deployment's crypto suite (Ed25519 for {@code intl}, SM2 for {@code sm})
   */
  public record RegisterKeyRequest(@NotNull @NotBlank @Size(max = 4096) String publicKey) {}

  /**
   * A registered key.
   *
   * @param providerId the provider
   * @param keyId the suite's hash (SHA-256 or SM3) of the key's text form
   * @param publicKey the key's text form
   * @param registeredBy the steward who registered it
   * @param registeredAt when
   * @param revokedAt when it was revoked, or null
   */
  public record KeyResponse(
      String providerId,
      String keyId,
      String publicKey,
      String registeredBy,
      OffsetDateTime registeredAt,
      OffsetDateTime revokedAt) {}

  /** Registers a provider's verification key; registering the same key again is a no-op. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.STEWARD_NAME, Role.ADMIN_NAME})
  @WithTransaction
  @Operation(summary = "Register a provider's public verification key")
  public Uni<Response> register(
      @PathParam("providerId") String providerId, @Valid @NotNull RegisterKeyRequest request) {
    ProviderId provider = ProviderId.parse(providerId);
    Verifier key;
    try {
      key = suite.verifierFromText(request.publicKey());
    } catch (CryptoFailureException e) {
      throw new SafehouseException(
          ProblemType.INVALID_REQUEST,
          "publicKey is not a verification key of this deployment's crypto suite ("
              + suite
              + (suite == CryptoSuite.SM ? ": SM2" : ": Ed25519")
              + ")");
    }
    return keys.findKey(provider.value(), key.keyId())
        .flatMap(
            existing -> {
              if (existing != null) {
                return Uni.createFrom().item(Response.ok(toResponse(existing)).build());
              }
              ProviderKeyEntity row = new ProviderKeyEntity();
              row.providerId = provider.value();
              row.keyId = key.keyId();
              row.publicKey = key.toText();
              row.registeredBy = Caller.from(token).subject();
              row.registeredAt = OffsetDateTime.now(ZoneOffset.UTC);
              return keys.persist(row)
                  .map(saved -> Response.status(201).entity(toResponse(saved)).build());
            });
  }

  /** Lists a provider's keys, newest first. */
  @GET
  @RolesAllowed({Role.STEWARD_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
  @WithSession
  @Operation(summary = "List a provider's registered keys")
  public Uni<List<KeyResponse>> list(@PathParam("providerId") String providerId) {
    return keys.keysOf(ProviderId.parse(providerId).value())
        .map(rows -> rows.stream().map(ProviderKeyResource::toResponse).toList());
  }

  private static KeyResponse toResponse(ProviderKeyEntity row) {
    return new KeyResponse(
        row.providerId,
        row.keyId,
        row.publicKey,
        row.registeredBy,
        row.registeredAt,
        row.revokedAt);
  }
}
