/**
 * The enclave's half of the audit log: it keeps the log's compact Merkle frontier and signs a
 * checkpoint only for a root it computed itself from the entries it was given, so a compromised
 * host cannot rewrite history and obtain a signature for it.
 */
package dev.safehouse.enclave.audit;
