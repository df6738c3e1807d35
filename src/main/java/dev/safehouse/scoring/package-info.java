/**
 * The scorecard model behind the fused credit score: {@link dev.safehouse.scoring.Scorecards} loads
 * {@code policies/scoring/<model>.yaml} into {@link dev.safehouse.scoring.Scorecard}s, which turn
 * one enterprise's fused-view row into a score, a grade A–D and ranked reason codes, never raw
 * values (see {@code docs/scoring.md}).
 *
 * <p>Plain Java, usable inside the enclave. Depends on {@code policy} (dataset schemas and the YAML
 * and JSON Schema machinery, so that scorecard errors read like every other policy error) and
 * {@code common}.
 */
package dev.safehouse.scoring;
