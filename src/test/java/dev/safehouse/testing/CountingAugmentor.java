package dev.safehouse.testing;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deployed only under {@code @QuarkusTest}: counts the identities that authentication produces for
 * a token, so that a test can show a request's token is verified once (Quarkus augments every
 * identity it authenticates). Leaves the identity as it is.
 */
@ApplicationScoped
public class CountingAugmentor implements SecurityIdentityAugmentor {
  private static final AtomicLong AUTHENTICATED = new AtomicLong();

  /** Returns how many non-anonymous identities have been authenticated since start-up. */
  public static long authenticated() {
    return AUTHENTICATED.get();
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (!identity.isAnonymous()) {
      AUTHENTICATED.incrementAndGet();
    }
    return Uni.createFrom().item(identity);
  }
}
