/**
 * Output checks (small-cell suppression, dominance, rounding), differential-privacy mechanisms from
 * a vetted library, and privacy budgets charged before release.
 *
 * <p>Plain Java, usable inside the enclave. Empty until the queries issue; depends on {@code
 * policy} and {@code common}.
 */
package dev.safehouse.privacy;
