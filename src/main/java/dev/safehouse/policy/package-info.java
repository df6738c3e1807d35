/**
 * The policy bundle under {@code policies/}: dataset schemas (columns, types, classes, bounds),
 * their canonical hashes, the bundle hash that enters the enclave's measurement, a streaming CSV
 * reader and the row validator whose reports never contain a value; and the query policy ({@link
 * dev.safehouse.policy.QueryPolicies}): project templates and providers' disclosure rules in YAML,
 * validated against the JSON Schemas under {@code policy-schemas/} on the class path, and the
 * {@link dev.safehouse.policy.QueryCatalog} built from them.
 *
 * <p>Plain Java, used inside the enclave and by the provider CLI. Depends only on {@code common}
 * (and Jackson for reading JSON and YAML, networknt for JSON Schema).
 */
package dev.safehouse.policy;
