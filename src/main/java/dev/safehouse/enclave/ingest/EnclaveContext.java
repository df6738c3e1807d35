package dev.safehouse.enclave.ingest;

import dev.safehouse.crypto.EnclaveKeys;
import dev.safehouse.crypto.Measurement;
import dev.safehouse.crypto.SigningKey;
import dev.safehouse.enclave.store.EnclaveTables;
import dev.safehouse.policy.DatasetSchemas;
import java.util.Optional;

/**
 * What the enclave process holds once initialised: its keys, the dataset schemas of its policy
 * bundle, and its in-memory tables. Requests are handled one at a time, so this needs no locking.
 */
public final class EnclaveContext {
  private final EnclaveTables tables;
  private EnclaveKeys keys;
  private DatasetSchemas schemas;
  private String policyHash = "";
  private Measurement measurement;
  private SigningKey platformKey;

  /** Creates a context over {@code tables}. */
  public EnclaveContext(EnclaveTables tables) {
    this.tables = tables;
  }

  void initialise(
      EnclaveKeys keys,
      DatasetSchemas schemas,
      String policyHash,
      Measurement measurement,
      SigningKey platformKey) {
    this.keys = keys;
    this.schemas = schemas;
    this.policyHash = policyHash;
    this.measurement = measurement;
    this.platformKey = platformKey;
  }

  Optional<Measurement> measurement() {
    return Optional.ofNullable(measurement);
  }

  /** The development platform's attestation key; empty where hardware attests instead. */
  Optional<SigningKey> platformKey() {
    return Optional.ofNullable(platformKey);
  }

  /** Returns the keys, once initialised. */
  public Optional<EnclaveKeys> keys() {
    return Optional.ofNullable(keys);
  }

  Optional<DatasetSchemas> schemas() {
    return Optional.ofNullable(schemas);
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
