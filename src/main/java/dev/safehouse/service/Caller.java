package dev.safehouse.service;

import dev.safehouse.common.InvalidRequestException;
import dev.safehouse.common.ProblemType;
import dev.safehouse.common.Role;
import dev.safehouse.common.SafehouseException;
import dev.safehouse.common.Uscc;
import jakarta.json.JsonString;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The authenticated caller, as stated by a verified token.
 *
 * @param subject the token's {@code sub}
 * @param roles the known roles in {@code groups}; unknown group names are ignored
 * @param organisation the {@code org} claim, if any
 * @param uscc the enterprise a {@code subject} token speaks for
 */
public record Caller(
    String subject, Set<Role> roles, Optional<String> organisation, Optional<Uscc> uscc) {

  /** Validates and copies the parts. */
  public Caller {
    Objects.requireNonNull(subject, "subject");
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(uscc, "uscc");
  }

  /**
   * Reads a caller from a token that smallrye-jwt has already verified (signature, issuer,
   * audience, expiry).
   *
   * @throws SafehouseException 403 if a {@code subject} token lacks a valid {@code uscc} claim
   */
  public static Caller from(JsonWebToken token) {
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    for (String group : token.getGroups()) {
      Role.fromClaimName(group).ifPresent(roles::add);
    }
    Optional<String> org = stringClaim(token, "org");
    Optional<Uscc> uscc = Optional.empty();
    if (roles.contains(Role.SUBJECT)) {
      try {
        uscc = Optional.of(Uscc.parse(stringClaim(token, "uscc").orElse(null)));
      } catch (InvalidRequestException e) {
        throw new SafehouseException(
            ProblemType.FORBIDDEN, "a subject token must carry a valid uscc claim");
      }
    }
    String subject = token.getSubject() != null ? token.getSubject() : token.getName();
    return new Caller(subject, roles, org, uscc);
  }

  /**
   * Returns the first of {@code roles} the caller holds: the role a request allowed to several
   * roles was made in, for the audit log.
   *
   * @throws SafehouseException 403 if the caller holds none of them
   */
  public Role firstOf(Role... roles) {
    for (Role role : roles) {
      if (this.roles.contains(role)) {
        return role;
      }
    }
    throw new SafehouseException(
        ProblemType.FORBIDDEN, "the caller's role may not use this resource");
  }

  /** Returns a string claim; smallrye-jwt hands custom claims over as JSON values. */
  private static Optional<String> stringClaim(JsonWebToken token, String name) {
    Object value = token.getClaim(name);
    if (value instanceof JsonString json) {
      return Optional.of(json.getString());
    }
    return value instanceof String text ? Optional.of(text) : Optional.empty();
  }
}
