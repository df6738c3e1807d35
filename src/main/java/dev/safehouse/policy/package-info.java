/**
 * The policy bundle under {@code policies/}: dataset schemas (columns, types, classes, bounds),
 * their canonical hashes, the bundle hash that enters the enclave's measurement, a streaming CSV
 * reader and the row validator whose reports never contain a value; and the query policy ({@link
 * dev.safehouse.policy.QueryPolicies}): project templates and providers' disclosure rules in YAML,
 * validated against the JSON Schemas under {@code policy-schemas/} on the class path, and the
 * {@link dev.safehouse.policy.QueryCatalog} built from them. The YAML reader ({@link
 * dev.safehouse.policy.YamlDocument}), the schemas ({@link dev.safehouse.policy.PolicySchema}) and
 * the positioned problems ({@link dev.safehouse.policy.PolicyProblems}) are public so that {@code
 * scoring} loads its scorecards with the same machinery.
 *
 * <p>Plain Java, used inside the enclave and by the provider CLI. Depends only on {@code common}
 * (and Jackson for reading JSON and YAML, networknt for JSON Schema).
 */
package dev.safehouse.policy;
