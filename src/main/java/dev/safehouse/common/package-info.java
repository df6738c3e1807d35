/**
 * Typed identifiers ({@link dev.safehouse.common.Uscc}, {@link dev.safehouse.common.DatasetId},
 * {@link dev.safehouse.common.ProviderId}), the base exception and the problem catalogue.
 *
 * <p>Plain Java with no framework imports: every other package, the enclave process and the CLI may
 * depend on it; it depends on nothing of ours.
 */
package dev.safehouse.common;
