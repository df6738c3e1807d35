/**
 * Tamper evidence: RFC 6962 hashing and a streaming Merkle root builder (used today for the input
 * root of every loaded dataset version). The access log, signed tree heads, proofs and the offline
 * verifier arrive with the audit issue.
 *
 * <p>Plain Java, used inside the enclave and, later, by the auditor's CLI. Depends on the JDK only.
 */
package dev.safehouse.audit;
