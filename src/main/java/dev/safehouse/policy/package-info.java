/**
 * The policy bundle under {@code policies/}: dataset schemas (columns, types, classes, bounds),
 * their canonical hashes, the bundle hash that enters the enclave's measurement, a streaming CSV
 * reader and the row validator whose reports never contain a value. Access and disclosure rules
 * arrive with the queries issue.
 *
 * <p>Plain Java, used inside the enclave and by the provider CLI. Depends only on {@code common}
 * (and Jackson for reading JSON).
 */
package dev.safehouse.policy;
