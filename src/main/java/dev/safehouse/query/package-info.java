/**
 * Researchers' SQL: {@link dev.safehouse.query.QueryChecker} parses it (JSqlParser, bounded in
 * size, nesting and time) and checks it against the query policy into a typed {@link
 * dev.safehouse.query.QueryPlan}, or reports every violation with a rule id from {@link
 * dev.safehouse.query.QueryRule} and a position; {@link dev.safehouse.query.SqlGenerator} writes
 * the SQL that runs from the plan alone (clamping, cell sizes, dominance inputs, bound parameters).
 * User text is never executed. The accepted subset is documented in {@code docs/queries.md}.
 *
 * <p>Plain Java, usable inside the enclave; depends on {@code policy}, {@code common} and
 * JSqlParser.
 */
package dev.safehouse.query;
