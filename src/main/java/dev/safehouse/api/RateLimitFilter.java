package dev.safehouse.api;

import dev.safehouse.service.CallerRateLimits;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies the per-caller rate limit to every REST request: keyed by the verified subject, or by the
 * client address for anonymous requests. A request with an invalid token fails authentication here
 * (401) rather than being counted as anonymous.
 */
public class RateLimitFilter {
  private final CallerRateLimits limits;
  private final CurrentIdentityAssociation identity;

  RateLimitFilter(CallerRateLimits limits, CurrentIdentityAssociation identity) {
    this.limits = limits;
    this.identity = identity;
  }

  @ServerRequestFilter
  Uni<Response> limit(HttpServerRequest request) {
    if (!limits.enabled()) {
      return Uni.createFrom().nullItem();
    }
    return identity
        .getDeferredIdentity()
        .<Response>map(
            id -> {
              limits.acquire(
                  id.isAnonymous()
                      ? "addr:" + request.remoteAddress().hostAddress()
                      : "sub:" + id.getPrincipal().getName());
              return null;
            });
  }
}
