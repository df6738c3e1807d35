package dev.safehouse.audit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serialises audit entries as RFC 8785 JSON Canonicalization Scheme (JCS) text, so that the same
 * entry always hashes to the same leaf, whoever serialises it.
 *
 * <p>Accepted values: {@code null}, {@link Boolean}, {@link String}, {@link Map} with {@link
 * String} keys, {@link List}, and numbers: {@link Byte}, {@link Short}, {@link Integer}, {@link
 * Long} and {@link BigInteger} within ±2^53 (larger integers have no exact I-JSON number — send
 * them as strings), finite {@link Double} and {@link Float}, and {@link BigDecimal} values that are
 * exactly a double. Output: no whitespace; object members sorted by the UTF-16 code units of their
 * names; strings escaped only for {@code "}, {@code \}, and control characters below U+0020 (as
 * {@code \b \t \n \f \r} or {@code \}{@code u00xx} in lower-case hex); numbers as ECMAScript's
 * Number.prototype.toString (RFC 8785 §3.2.2.3); UTF-8.
 *
 * <h2>Security guarantees</h2>
 *
 * Two values that JCS considers equal give the same bytes, and different accepted values give
 * different bytes. Refusals raise {@link IllegalArgumentException} whose message names the rule,
 * never the offending value. Not guaranteed: the input's own meaning — a map holding a secret is
 * serialised with it.
 */
public final class CanonicalJson {
  /** Deepest nesting of objects and arrays accepted. */
  public static final int MAX_DEPTH = 64;

  private static final long MAX_EXACT_INTEGER = 1L << 53;
  private static final BigInteger MAX_EXACT_BIG = BigInteger.valueOf(MAX_EXACT_INTEGER);

  private CanonicalJson() {}

  /**
   * Returns the canonical UTF-8 bytes of {@code value}.
   *
   * @throws IllegalArgumentException if the value holds an unsupported type, a non-string map key,
   *     a string with an unpaired surrogate, a non-finite number, an integer beyond ±2^53, a
   *     decimal that is not exactly a double, or nests deeper than {@value #MAX_DEPTH}
   */
  public static byte[] encode(Object value) {
    return toText(value).getBytes(StandardCharsets.UTF_8);
  }

  /** Returns the canonical text of {@code value}; see {@link #encode}. */
  public static String toText(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("the value nests deeper than " + MAX_DEPTH + " levels");
    }
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean b) {
      out.append(b ? "true" : "false");
    } else if (value instanceof String s) {
      writeString(out, s);
    } else if (value instanceof Number n) {
      writeNumber(out, n);
    } else if (value instanceof Map<?, ?> map) {
      writeObject(out, map, depth);
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(out, list.get(i), depth + 1);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException(
          "canonical JSON has no form for " + value.getClass().getName());
    }
  }

  private static void writeObject(StringBuilder out, Map<?, ?> map, int depth) {
    List<String> names = new ArrayList<>(map.size());
    for (Object key : map.keySet()) {
      if (!(key instanceof String name)) {
        throw new IllegalArgumentException("a JSON object member name is not a string");
      }
      names.add(name);
    }
    // RFC 8785 §3.2.3: by UTF-16 code units, which is String's natural order.
    names.sort(null);
    out.append('{');
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      writeString(out, names.get(i));
      out.append(':');
      write(out, map.get(names.get(i)), depth + 1);
    }
    out.append('}');
  }

  /** RFC 8785 §3.2.2.2: escape only what JSON requires, in ECMAScript's spelling. */
  private static void writeString(StringBuilder out, String s) {
    if (plain(s)) {
      out.append('"').append(s).append('"');
      return;
    }
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append("\\u00")
                .append(Character.forDigit(c >> 4, 16))
                .append(Character.forDigit(c & 0xf, 16));
          } else if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            throw new IllegalArgumentException("a string holds an unpaired surrogate");
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** True if no character of {@code s} needs escaping or a surrogate check. */
  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static void writeNumber(StringBuilder out, Number n) {
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      long v = n.longValue();
      if (v > MAX_EXACT_INTEGER || v < -MAX_EXACT_INTEGER) {
        throw new IllegalArgumentException("an integer beyond ±2^53 has no exact JSON number");
      }
      out.append(v);
    } else if (n instanceof BigInteger big) {
      if (big.abs().compareTo(MAX_EXACT_BIG) > 0) {
        throw new IllegalArgumentException("an integer beyond ±2^53 has no exact JSON number");
      }
      out.append(big);
    } else if (n instanceof Double || n instanceof Float) {
      out.append(EcmaNumber.format(n.doubleValue()));
    } else if (n instanceof BigDecimal decimal) {
      double d = decimal.doubleValue();
      if (Double.isInfinite(d) || new BigDecimal(d).compareTo(decimal) != 0) {
        throw new IllegalArgumentException("a decimal that is not exactly a double");
      }
      out.append(EcmaNumber.format(d));
    } else {
      throw new IllegalArgumentException(
          "canonical JSON has no form for " + n.getClass().getName());
    }
  }

  /** ECMAScript Number::toString for finite doubles (ECMA-262 §6.1.6.1.20), as RFC 8785 wants. */
  static final class EcmaNumber {
    private EcmaNumber() {}

    static String format(double d) {
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("NaN and infinities have no JSON number");
      }
      if (d == 0) {
        return "0"; // also -0
      }
      String sign = d < 0 ? "-" : "";
      BigDecimal shortest = shortest(Math.abs(d));
      String digits = shortest.unscaledValue().toString();
      int k = digits.length();
      int n = k - shortest.scale();
      StringBuilder out = new StringBuilder(sign);
      if (k <= n && n <= 21) {
        out.append(digits).append("0".repeat(n - k));
      } else if (0 < n && n <= 21) {
        out.append(digits, 0, n).append('.').append(digits, n, k);
      } else if (-6 < n && n <= 0) {
        out.append("0.").append("0".repeat(-n)).append(digits);
      } else {
        int exponent = n - 1;
        out.append(digits.charAt(0));
        if (k > 1) {
          out.append('.').append(digits, 1, k);
        }
        out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
      }
      return out.toString();
    }

    /**
     * Returns the decimal with the fewest significant digits that reads back as {@code x} (x > 0),
     * and of those the closest to x, without trailing zeros.
     */
    private static BigDecimal shortest(double x) {
      BigDecimal exact = new BigDecimal(x);
      for (int precision = 1; precision <= 17; precision++) {
        BigDecimal best = null;
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
          BigDecimal candidate = exact.round(new MathContext(precision, mode));
          if (Double.parseDouble(candidate.toString()) != x) {
            continue;
          }
          if (best == null || closer(candidate, best, exact)) {
            best = candidate;
          }
        }
        if (best != null) {
          return best.stripTrailingZeros();
        }
      }
      throw new IllegalStateException("17 significant digits always identify a double");
    }

    private static boolean closer(BigDecimal a, BigDecimal b, BigDecimal exact) {
      int cmp = a.subtract(exact).abs().compareTo(b.subtract(exact).abs());
      if (cmp != 0) {
        return cmp < 0;
      }
      // A tie: ECMA-262 takes the even last digit.
      return !a.unscaledValue().testBit(0);
    }
  }
}
