/**
 * The {@code safehouse} command line: dev tokens, demo data, {@code measure}, and the provider's
 * {@code keygen}, {@code attest}, {@code encrypt} and {@code upload}, and the auditor's {@code
 * audit verify}, {@code verify-receipt} and {@code checkpoint}.
 *
 * <p>Plain picocli, no Quarkus: it runs on providers' and auditors' own machines. It may depend on
 * {@code common}, {@code crypto}, {@code policy} and {@code audit}; nothing in the service depends
 * on it.
 */
package dev.safehouse.cli;
