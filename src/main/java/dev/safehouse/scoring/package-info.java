/**
 * The scorecard model behind the fused credit score: grade A–D and reason codes, never raw values.
 *
 * <p>Plain Java, usable inside the enclave. Empty until the scores issue; depends on {@code policy}
 * and {@code common}.
 */
package dev.safehouse.scoring;
