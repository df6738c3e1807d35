package dev.safehouse.service;

import dev.safehouse.audit.AuditEntry;
import dev.safehouse.common.InstitutionId;
import dev.safehouse.common.InvalidRequestException;
import dev.safehouse.common.ProblemType;
import dev.safehouse.common.Role;
import dev.safehouse.common.SafehouseException;
import dev.safehouse.common.Uscc;
import dev.safehouse.storage.ConsentStore;
import dev.safehouse.storage.DatabaseUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enterprises' consents to institutions: an enterprise grants and revokes them, both it and the
 * institution read them, and the score API asks {@link #requireLive} before every score.
 *
 * <h2>Security guarantees</h2>
 *
 * The enterprise of a consent is always the {@code uscc} claim of the subject token that granted
 * it, never a value from a request body. A consent is visible only to its enterprise and to the
 * institution it names; anyone else gets 404, as for an id that does not exist, and only its
 * enterprise can revoke it. Every grant and revocation is in the audit log, with the enterprise as
 * target (so it shows in the enterprise's access history), before it takes effect. {@link
 * #requireLive} refusals never say whether the enterprise exists in any dataset, nor whether a
 * consent id belongs to someone else. A revocation takes effect for every score request that starts
 * after it returns: the consents {@link #requireLive} keeps in memory (so that a score needs no
 * database read) are replaced by their revoked form before {@link #revoke} returns, and a consent
 * row changes only through this service, which runs as one instance. <b>Not guaranteed:</b> that
 * the institution named in a grant exists — there is no register of institutions yet.
 */
@ApplicationScoped
public class Consents {
  /** The furthest ahead a consent may end, in years from its grant. */
  static final int MAX_YEARS = 3;

  /** Most consents kept in memory for {@link #requireLive}; beyond, they are read each time. */
  static final int KEPT_CONSENTS = 100_000;

  private final ConsentStore store;
  private final ReleaseGate gate;
  private final Map<UUID, Consent> kept = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();

  Consents(ConsentStore store, ReleaseGate gate) {
    this.store = store;
    this.gate = gate;
  }

  /**
   * What an enterprise grants.
   *
   * @param institution the institution's organisation id
   * @param purposes wire names, a non-empty subset of {@code pre-loan, in-loan, post-loan}
   * @param validUntil when the consent ends; in the future and at most {@value #MAX_YEARS} years on
   */
  public record NewConsent(String institution, List<String> purposes, Instant validUntil) {}

  /**
   * Grants a consent from the caller's enterprise, audited first.
   *
   * @throws InvalidRequestException 400 if the institution id, purposes or end are not acceptable
   */
  public Consent grant(Caller subject, NewConsent request) {
    Uscc uscc = enterprise(subject);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    InstitutionId institution = InstitutionId.parse(request.institution());
    List<String> purposes = purposes(request.purposes());
    Instant validUntil = validUntil(request.validUntil(), now);
    Consent consent =
        new Consent(
            UUID.randomUUID(),
            uscc,
            institution,
            purposes,
            validUntil,
            subject.subject(),
            now,
            Optional.empty());
    audit(subject, "consent.grant", consent);
    write(() -> store.insert(consent.row()));
    return consent;
  }

  /**
   * Revokes one of the caller enterprise's consents; revoking it again returns it unchanged, with
   * its first revocation time and without a new audit entry.
   *
   * @throws SafehouseException 404 if the caller's enterprise granted no consent {@code id}
   */
  public Consent revoke(Caller subject, UUID id) {
    Uscc uscc = enterprise(subject);
    Consent consent =
        read(() -> store.consent(id)).map(Consent::of).orElseThrow(Consents::notFound);
    if (!consent.uscc().equals(uscc)) {
      throw notFound();
    }
    if (consent.revokedAt().isPresent()) {
      return consent;
    }
    audit(subject, "consent.revoke", consent);
    Consent revoked =
        read(() -> store.revoke(id, uscc.value(), clock.instant()))
            .map(Consent::of)
            .orElseThrow(Consents::notFound);
    // Replaced, never removed: a score request that read the row before the revocation committed
    // can then no longer put the live form back (it only adds what is absent).
    kept.put(id, revoked);
    return revoked;
  }

  /**
   * Lists consents, newest first: those the caller's enterprise granted (subject), or those granted
   * to the caller's institution (institution).
   */
  public List<Consent> list(Caller caller, int limit) {
    Role role = caller.firstOf(Role.SUBJECT, Role.INSTITUTION);
    List<ConsentStore.ConsentRow> rows =
        role == Role.SUBJECT
            ? read(() -> store.grantedBy(enterprise(caller).value(), limit))
            : read(() -> store.grantedTo(institution(caller), limit));
    return rows.stream().map(Consent::of).toList();
  }

  /**
   * Returns a consent the caller may see: its enterprise's (subject) or one granted to the caller's
   * institution (institution).
   *
   * @throws SafehouseException 404 otherwise, as for an id that does not exist
   */
  public Consent visible(Caller caller, UUID id) {
    Consent consent =
        read(() -> store.consent(id)).map(Consent::of).orElseThrow(Consents::notFound);
    boolean own =
        caller.uscc().filter(consent.uscc()::equals).isPresent()
            && caller.roles().contains(Role.SUBJECT);
    boolean granted =
        caller.roles().contains(Role.INSTITUTION)
            && caller.organisation().filter(consent.institution().value()::equals).isPresent();
    if (!own && !granted) {
      throw notFound();
    }
    return consent;
  }

  /**
   * Returns consent {@code consentId} if it lets the calling institution take the score of {@code
   * uscc} for {@code purpose} at {@code now}: it exists, the enterprise {@code uscc} granted it to
   * the caller's organisation, names the purpose, is not revoked and {@code now} is before its end.
   * Reads nothing but the consent and audits nothing: the score request that asks is audited by its
   * caller, which should name {@link Consent#consentHash()}.
   *
   * @param institution the calling institution; its {@code org} claim is the institution id
   * @param purpose a wire name, such as {@code pre-loan}
   * @throws SafehouseException 403 {@code consent-required} naming the consent id and the purpose
   *     if any condition fails; the detail adds "revoked", "expired" or "does not cover" only when
   *     the consent is the caller's own for this enterprise, and never says whether the enterprise
   *     exists in any dataset
   * @throws InvalidRequestException 400 if {@code purpose} is not a known purpose
   * @throws SafehouseException 403 {@code forbidden} if the caller is no institution with an org
   */
  public Consent requireLive(
      Caller institution, Uscc uscc, String purpose, UUID consentId, Instant now) {
    if (!institution.roles().contains(Role.INSTITUTION)) {
      throw new SafehouseException(
          ProblemType.FORBIDDEN, "only an institution may rely on a consent");
    }
    String org = institution(institution);
    if (ConsentPurpose.fromWireName(purpose).isEmpty()) {
      throw new InvalidRequestException("purpose is one of pre-loan, in-loan, post-loan");
    }
    if (consentId == null) {
      throw consentRequired("no consent named for purpose " + purpose + " from this enterprise");
    }
    String missing =
        "no live consent " + consentId + " from this enterprise for purpose " + purpose;
    Optional<Consent> found = liveCandidate(consentId);
    if (found.isEmpty()
        || !found.get().institution().value().equals(org)
        || !found.get().uscc().equals(uscc)) {
      throw consentRequired(missing);
    }
    Consent consent = found.get();
    switch (consent.status(now)) {
      case REVOKED -> throw consentRequired(missing + ": it was revoked");
      case EXPIRED -> {
        kept.remove(consentId, consent); // it can never be live again
        throw consentRequired(missing + ": it has expired");
      }
      case LIVE -> {}
    }
    if (!consent.covers(purpose)) {
      throw consentRequired(missing + ": it does not cover this purpose");
    }
    return consent;
  }

  /** Consent {@code id} from memory, else from the store (then kept, while there is room). */
  private Optional<Consent> liveCandidate(UUID id) {
    Consent known = kept.get(id);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Consent> read = read(() -> store.consent(id)).map(Consent::of);
    if (read.isEmpty() || kept.size() >= KEPT_CONSENTS) {
      return read;
    }
    Consent previous = kept.putIfAbsent(id, read.get());
    return Optional.of(previous != null ? previous : read.get());
  }

  private void audit(Caller subject, String action, Consent consent) {
    gate.record(
        new ReleaseGate.Request(
            subject,
            Role.SUBJECT,
            action,
            Optional.of(String.join(",", consent.purposes())),
            new AuditEntry.Target(
                Optional.empty(),
                Optional.of(consent.uscc()),
                Optional.of(consent.id().toString())),
            AuditEntry.Decision.allow(
                "own-enterprise",
                "institution:" + consent.institution().value(),
                "consent:" + consent.consentHash())));
  }

  private static Uscc enterprise(Caller subject) {
    return subject
        .uscc()
        .orElseThrow(
            () ->
                new SafehouseException(
                    ProblemType.FORBIDDEN, "a subject token must carry a valid uscc claim"));
  }

  /** The caller's institution id (its {@code org} claim); 403 if it has none. */
  static String institution(Caller caller) {
    return caller
        .organisation()
        .filter(InstitutionId::isValid)
        .orElseThrow(
            () ->
                new SafehouseException(
                    ProblemType.FORBIDDEN, "an institution token must carry a valid org claim"));
  }

  private static List<String> purposes(List<String> requested) {
    if (requested == null || requested.isEmpty()) {
      throw new InvalidRequestException("purposes must name at least one purpose");
    }
    TreeSet<String> purposes = new TreeSet<>();
    for (String purpose : requested) {
      if (ConsentPurpose.fromWireName(purpose).isEmpty()) {
        throw new InvalidRequestException(
            "purposes may only contain pre-loan, in-loan and post-loan");
      }
      purposes.add(purpose);
    }
    return List.copyOf(purposes);
  }

  private static Instant validUntil(Instant requested, Instant now) {
    if (requested == null) {
      throw new InvalidRequestException("validUntil is required");
    }
    Instant end = requested.truncatedTo(ChronoUnit.MICROS);
    if (!end.isAfter(now)) {
      throw new InvalidRequestException("validUntil must be in the future");
    }
    if (end.isAfter(now.atZone(ZoneOffset.UTC).plusYears(MAX_YEARS).toInstant())) {
      throw new InvalidRequestException(
          "validUntil must be at most " + MAX_YEARS + " years from now");
    }
    return end;
  }

  private static SafehouseException consentRequired(String detail) {
    return new SafehouseException(ProblemType.CONSENT_REQUIRED, detail);
  }

  static SafehouseException notFound() {
    return new SafehouseException(ProblemType.NOT_FOUND, "no such consent");
  }

  /** A database call. */
  interface Call<T> {
    T run() throws SQLException;
  }

  /** A database write. */
  interface Write {
    void run() throws SQLException;
  }

  private static <T> T read(Call<T> call) {
    try {
      return call.run();
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("the consent store cannot be reached right now", e);
    }
  }

  private static void write(Write write) {
    read(
        () -> {
          write.run();
          return null;
        });
  }
}
