/**
 * The tamper-evident access log: an RFC 6962 / 9162 Merkle tree over canonical JSON entries, signed
 * tree heads, inclusion and consistency proofs, and a verifier usable offline by the CLI.
 *
 * <p>Plain Java. Empty until the audit issue; depends on {@code crypto} and {@code common}.
 */
package dev.safehouse.audit;
