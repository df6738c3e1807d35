package dev.safehouse.policy;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything queries may read, by source name: {@code fused} (the three sources joined on {@code
 * uscc}, each column once) and {@code public_credit}, {@code market_credit}, {@code
 * financial_credit}. Built from the policy bundle; the same catalog checks a query on the host and
 * in the enclave.
 *
 * @param sources the sources by name
 */
public record QueryCatalog(Map<String, QuerySource> sources) {
  /** The source every dataset is joined into. */
  public static final String FUSED = "fused";

  /** Copies into name order. */
  public QueryCatalog {
    sources = Collections.unmodifiableMap(new TreeMap<>(sources));
  }

  /** Finds a source by its (lower-case) name. */
  public Optional<QuerySource> source(String name) {
    return Optional.ofNullable(sources.get(name));
  }
}
