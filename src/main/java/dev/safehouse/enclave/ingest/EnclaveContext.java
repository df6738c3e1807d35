package dev.safehouse.enclave.ingest;

import dev.safehouse.crypto.EnclaveKeys;
import dev.safehouse.crypto.Measurement;
import dev.safehouse.crypto.Signer;
import dev.safehouse.enclave.store.EnclaveTables;
import dev.safehouse.policy.DatasetSchemas;
import dev.safehouse.policy.QueryPolicies;
import dev.safehouse.scoring.Scorecards;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the enclave process holds once initialised: its keys, the dataset schemas of its policy
 * bundle, and its in-memory tables. Requests are handled one at a time, so this needs no locking.
 */
public final class EnclaveContext {
  private final EnclaveTables tables;
  private EnclaveKeys keys;
  private DatasetSchemas schemas;
  private QueryPolicies queryPolicies;
  private Scorecards scorecards;
  private final Map<String, InputRoot> inputRoots = new TreeMap<>();
  private String policyHash = "";
  private Measurement measurement;
  private Signer platformKey;

  /** Creates a context over {@code tables}. */
  public EnclaveContext(EnclaveTables tables) {
    this.tables = tables;
  }

  void initialise(
      EnclaveKeys keys,
      DatasetSchemas schemas,
      QueryPolicies queryPolicies,
      Scorecards scorecards,
      String policyHash,
      Measurement measurement,
      Signer platformKey) {
    this.keys = keys;
    this.schemas = schemas;
    this.queryPolicies = queryPolicies;
    this.scorecards = scorecards;
    this.policyHash = policyHash;
    this.measurement = measurement;
    this.platformKey = platformKey;
  }

  Optional<Measurement> measurement() {
    return Optional.ofNullable(measurement);
  }

  /** The development platform's attestation key; empty where hardware attests instead. */
  Optional<Signer> platformKey() {
    return Optional.ofNullable(platformKey);
  }

  /** Returns the keys, once initialised. */
  public Optional<EnclaveKeys> keys() {
    return Optional.ofNullable(keys);
  }

  /** Returns the dataset schemas of the bundle, once initialised. */
  public Optional<DatasetSchemas> schemas() {
    return Optional.ofNullable(schemas);
  }

  /** Returns the query policies of the bundle, once initialised. */
  public Optional<QueryPolicies> queryPolicies() {
    return Optional.ofNullable(queryPolicies);
  }

  /** Returns the scorecards of the bundle, once initialised. */
  public Optional<Scorecards> scorecards() {
    return Optional.ofNullable(scorecards);
  }

  /**
   * The dataset version a loaded table holds, and the Merkle root over its rows.
   *
   * @param dataset the dataset id
   * @param version its version number
   * @param root hex RFC 6962 root over the rows' canonical encodings
   */
  public record InputRoot(String dataset, long version, String root) {}

  void recordInput(InputRoot root) {
    inputRoots.put(root.dataset(), root);
  }

  /** Returns the loaded dataset versions and their input roots, by dataset id. */
  public Map<String, InputRoot> inputRoots() {
    return Map.copyOf(inputRoots);
  }

  /** Returns the policy bundle's hash, empty before initialisation. */
  public String policyHash() {
    return policyHash;
  }

  /** Returns the tables. */
  public EnclaveTables tables() {
    return tables;
  }
}
