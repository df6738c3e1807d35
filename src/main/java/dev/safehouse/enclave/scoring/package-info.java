/**
 * Fused credit scores inside the enclave: reads one enterprise's row of the {@code fused} view,
 * applies the policy bundle's scorecard, and signs the result with the consent it was released
 * under.
 */
package dev.safehouse.enclave.scoring;
