/**
 * SQL parsing into a typed plan, plan checks against the policy, and generation of the SQL that
 * actually runs (clamping, distinct-entity counts). User text is never executed.
 *
 * <p>Plain Java, usable inside the enclave. Empty until the queries issue; depends on {@code
 * policy} and {@code common}.
 */
package dev.safehouse.query;
