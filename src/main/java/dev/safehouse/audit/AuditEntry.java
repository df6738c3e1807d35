package dev.safehouse.audit;

import dev.safehouse.common.Uscc;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the audit log: who did what, for which purpose, to what, what the policy decided,
 * and what was released. Its {@link #canonicalBytes() canonical JSON} (RFC 8785) is exactly what
 * the log hashes, stores and serves.
 *
 * <h2>Security guarantees</h2>
 *
 * An entry names people, roles, datasets, enterprises and hashes — never a record value or a result
 * itself; results appear only as their SHA-256.
 *
 * @param time when the request was decided, truncated to milliseconds
 * @param actor who asked
 * @param action what was asked, e.g. {@code enclave.tables.read}, {@code dataset.commit}
 * @param purpose the stated purpose, or empty
 * @param target what it concerns
 * @param decision what the policy decided, with the rules that decided it
 * @param resultHash hex SHA-256 of the released result's canonical JSON, or empty if none
 * @param resultSignature the enclave's base64 signature over the result, or empty
 * @param budgetCharged privacy budget (ε) charged, or empty
 */
public record AuditEntry(
    Instant time,
    Actor actor,
    String action,
    Optional<String> purpose,
    Target target,
    Decision decision,
    Optional<String> resultHash,
    Optional<String> resultSignature,
    Optional<Double> budgetCharged) {

  /** Validates presence and truncates the time to milliseconds. */
  public AuditEntry {
    time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MILLIS);
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(resultHash, "resultHash");
    Objects.requireNonNull(resultSignature, "resultSignature");
    Objects.requireNonNull(budgetCharged, "budgetCharged");
  }

  /**
   * The caller.
   *
   * @param subject the token's subject
   * @param role the role the request was made in
   * @param organisation the caller's organisation, or empty
   */
  public record Actor(String subject, String role, Optional<String> organisation) {
    /** Validates presence. */
    public Actor {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(organisation, "organisation");
    }
  }

  /**
   * What a request concerns; any part may be empty.
   *
   * @param datasetVersion a dataset version, e.g. {@code public-credit#3}
   * @param uscc the enterprise concerned (canonical code); lists the entry in its access history
   * @param queryId a query or project id
   */
  public record Target(
      Optional<String> datasetVersion, Optional<Uscc> uscc, Optional<String> queryId) {
    /** Nothing in particular. */
    public static final Target NONE =
        new Target(Optional.empty(), Optional.empty(), Optional.empty());

    /** Validates presence. */
    public Target {
      Objects.requireNonNull(datasetVersion, "datasetVersion");
      Objects.requireNonNull(uscc, "uscc");
      Objects.requireNonNull(queryId, "queryId");
    }
  }

  /**
   * A policy decision.
   *
   * @param outcome {@code allow} or {@code deny}
   * @param rules ids of the rules that decided it
   */
  public record Decision(String outcome, List<String> rules) {
    /** Copies the rules. */
    public Decision {
      Objects.requireNonNull(outcome, "outcome");
      rules = List.copyOf(rules);
    }

    /** Allowed by {@code rules}. */
    public static Decision allow(String... rules) {
      return new Decision("allow", List.of(rules));
    }

    /** Denied by {@code rules}. */
    public static Decision deny(String... rules) {
      return new Decision("deny", List.of(rules));
    }
  }

  /** Returns this entry with the hash of the result it releases. */
  public AuditEntry withResultHash(String hexSha256) {
    return new AuditEntry(
        time,
        actor,
        action,
        purpose,
        target,
        decision,
        Optional.of(hexSha256),
        resultSignature,
        budgetCharged);
  }

  /** Returns the RFC 8785 canonical JSON of this entry, the bytes the log hashes. */
  public byte[] canonicalBytes() {
    return CanonicalJson.encode(toJson());
  }

  /** Returns this entry as JSON values (maps, lists, strings, numbers), empty parts left out. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("v", 1);
    json.put("time", time.toString());
    Map<String, Object> who = new LinkedHashMap<>();
    who.put("subject", actor.subject());
    who.put("role", actor.role());
    actor.organisation().ifPresent(o -> who.put("organisation", o));
    json.put("actor", who);
    json.put("action", action);
    purpose.ifPresent(p -> json.put("purpose", p));
    Map<String, Object> what = new LinkedHashMap<>();
    target.datasetVersion().ifPresent(d -> what.put("datasetVersion", d));
    target.uscc().ifPresent(u -> what.put("uscc", u.value()));
    target.queryId().ifPresent(q -> what.put("queryId", q));
    json.put("target", what);
    json.put("decision", Map.of("outcome", decision.outcome(), "rules", decision.rules()));
    resultHash.ifPresent(h -> json.put("resultHash", h));
    resultSignature.ifPresent(s -> json.put("resultSignature", s));
    budgetCharged.ifPresent(b -> json.put("budgetCharged", b));
    return json;
  }

  /** Returns the canonical JSON as text, for display. */
  @Override
  public String toString() {
    return new String(canonicalBytes(), StandardCharsets.UTF_8);
  }
}
