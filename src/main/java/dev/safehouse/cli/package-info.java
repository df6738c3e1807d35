/**
 * The {@code safehouse} command line: dev tokens now; provider encryption and audit verification
 * later.
 *
 * <p>Plain picocli, no Quarkus: it runs on providers' and auditors' own machines. It may depend on
 * {@code common}, {@code crypto} and {@code audit}; nothing depends on it.
 */
package dev.safehouse.cli;
