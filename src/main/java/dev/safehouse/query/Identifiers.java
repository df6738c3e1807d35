package dev.safehouse.query;

import java.util.Locale;

/** Normalises SQL identifiers: quotes removed (doubled quotes unescaped), then lower case. */
final class Identifiers {
  private Identifiers() {}

  /** Returns the identifier's name as the catalog spells it. */
  static String normalise(String raw) {
    String name = raw;
    if (name.length() >= 2) {
      char first = name.charAt(0);
      char last = name.charAt(name.length() - 1);
      if (first == '"' && last == '"' || first == '`' && last == '`') {
        String quote = String.valueOf(first);
        name = name.substring(1, name.length() - 1).replace(quote + quote, quote);
      } else if (first == '[' && last == ']') {
        name = name.substring(1, name.length() - 1);
      }
    }
    return name.toLowerCase(Locale.ROOT);
  }
}
