/**
 * Research queries inside the enclave: re-checks the researcher's SQL against the enclave's own
 * policy bundle, runs only SQL generated from the checked plan, applies the output checks
 * (threshold, dominance, rounding, differential privacy) and the differencing guard, and signs what
 * may be released.
 */
package dev.safehouse.enclave.query;
