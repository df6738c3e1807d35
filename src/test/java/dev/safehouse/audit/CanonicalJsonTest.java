package dev.safehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 8785 examples (§3.2.2, §3.2.3, §3.2.4, Appendix B) and the refusals. */
class CanonicalJsonTest {

  @Test
  void sorting_rfc8785Section323_sortsByUtf16CodeUnits() {
    Map<String, Object> input = new HashMap<>();
    input.put("\u20ac", "Euro Sign");
    input.put("\r", "Carriage Return");
    input.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
    input.put("1", "One");
    input.put("\ud83d\ude00", "Emoji: Grinning Face");
    input.put("\u0080", "Control");
    input.put("\u00f6", "Latin Small Letter O With Diaeresis");
    assertThat(CanonicalJson.toText(input))
        .isEqualTo(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
  }

  @Test
  void example_rfc8785Section322_givesTheSection324Bytes() {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put(
        "numbers",
        Arrays.asList(333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001));
    // The RFC's JSON string, decoded: euro sign, dollar, U+000F, newline, A'B"\\"/
    input.put("string", "\u20ac$" + (char) 0x0f + "\nA'B\"\\\\\"/");
    input.put("literals", Arrays.asList(null, true, false));
    byte[] expected =
        HexFormat.of()
            .parseHex(
                "7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e756d62657273"
                    + "223a5b3333333333333333332e333333333333332c31652b33302c342e352c302e3030322c"
                    + "31652d32375d2c22737472696e67223a22e282ac245c75303030665c6e4127425c225c5c5c"
                    + "5c5c222f227d");
    assertThat(CanonicalJson.encode(input)).isEqualTo(expected);
  }

  @Test
  void numbers_rfc8785AppendixB() {
    String[][] samples = {
      {"0000000000000000", "0"},
      {"8000000000000000", "0"},
      {"0000000000000001", "5e-324"},
      {"8000000000000001", "-5e-324"},
      {"7fefffffffffffff", "1.7976931348623157e+308"},
      {"ffefffffffffffff", "-1.7976931348623157e+308"},
      {"4340000000000000", "9007199254740992"},
      {"c340000000000000", "-9007199254740992"},
      {"4430000000000000", "295147905179352830000"},
      {"44b52d02c7e14af5", "9.999999999999997e+22"},
      {"44b52d02c7e14af6", "1e+23"},
      {"44b52d02c7e14af7", "1.0000000000000001e+23"},
      {"444b1ae4d6e2ef4e", "999999999999999700000"},
      {"444b1ae4d6e2ef4f", "999999999999999900000"},
      {"444b1ae4d6e2ef50", "1e+21"},
      {"3eb0c6f7a0b5ed8c", "9.999999999999997e-7"},
      {"3eb0c6f7a0b5ed8d", "0.000001"},
      {"41b3de4355555553", "333333333.3333332"},
      {"41b3de4355555554", "333333333.33333325"},
      {"41b3de4355555555", "333333333.3333333"},
      {"41b3de4355555556", "333333333.3333334"},
      {"41b3de4355555557", "333333333.33333343"},
      {"becbf647612f3696", "-0.0000033333333333333333"},
      {"43143ff3c1cb0959", "1424953923781206.2"},
    };
    for (String[] sample : samples) {
      double d = Double.longBitsToDouble(Long.parseUnsignedLong(sample[0], 16));
      assertThat(CanonicalJson.toText(d)).as(sample[0]).isEqualTo(sample[1]);
    }
    for (String nonFinite :
        new String[] {"7fffffffffffffff", "7ff0000000000000", "fff0000000000000"}) {
      double d = Double.longBitsToDouble(Long.parseUnsignedLong(nonFinite, 16));
      assertThatThrownBy(() -> CanonicalJson.toText(d))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void numbers_integersAndDecimals() {
    assertThat(CanonicalJson.toText(List.of(0, -1, 42L, (short) 7, (byte) -8)))
        .isEqualTo("[0,-1,42,7,-8]");
    assertThat(CanonicalJson.toText(9_007_199_254_740_992L)).isEqualTo("9007199254740992");
    assertThat(CanonicalJson.toText(-9_007_199_254_740_992L)).isEqualTo("-9007199254740992");
    assertThat(CanonicalJson.toText(BigInteger.TEN)).isEqualTo("10");
    assertThat(CanonicalJson.toText(new BigDecimal("4.50"))).isEqualTo("4.5");
    assertThat(CanonicalJson.toText(1.0)).isEqualTo("1");
    assertThat(CanonicalJson.toText(-0.0)).isEqualTo("0");
    assertThat(CanonicalJson.toText(1e21)).isEqualTo("1e+21");
    assertThat(CanonicalJson.toText(1e20)).isEqualTo("100000000000000000000");
    assertThat(CanonicalJson.toText(1e-7)).isEqualTo("1e-7");
    assertThat(CanonicalJson.toText(0.1f)).isEqualTo("0.10000000149011612");
    assertThatThrownBy(() -> CanonicalJson.toText(9_007_199_254_740_993L))
        .hasMessage("an integer beyond ±2^53 has no exact JSON number");
    assertThatThrownBy(() -> CanonicalJson.toText(BigInteger.ONE.shiftLeft(60)))
        .hasMessage("an integer beyond ±2^53 has no exact JSON number");
    assertThatThrownBy(() -> CanonicalJson.toText(new BigDecimal("0.1")))
        .hasMessage("a decimal that is not exactly a double");
  }

  @Test
  void numbers_randomDoubles_readBackExactly() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(8785);
    for (int i = 0; i < 5_000; i++) {
      double d = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        continue;
      }
      String text = CanonicalJson.toText(d);
      assertThat(Double.parseDouble(text)).as(text).isEqualTo(d == 0 ? 0.0 : d);
      // Never longer than Java's own round-trip form (which is not always the shortest on 17).
      assertThat(significantDigits(text))
          .isLessThanOrEqualTo(significantDigits(Double.toString(d)));
    }
  }

  private static int significantDigits(String number) {
    String mantissa = number.toLowerCase().split("e")[0].replace("-", "").replace(".", "");
    return mantissa.replaceAll("^0+", "").replaceAll("0+$", "").length();
  }

  @Test
  void strings_escapeOnlyWhatJsonRequires() {
    assertThat(CanonicalJson.toText("\"\\\b\t\n\f\r\u0000\u001f\u007f\u2028/<>&\u00e9"))
        .isEqualTo("\"\\\"\\\\\\b\\t\\n\\f\\r\\u0000\\u001f\u007f\u2028/<>&\u00e9\"");
    assertThat(CanonicalJson.toText("\u000b\u001a")).isEqualTo("\"\\u000b\\u001a\"");
    assertThat(CanonicalJson.encode("\u00e9\ud83d\ude00"))
        .isEqualTo(
            new byte[] {
              '"', (byte) 0xc3, (byte) 0xa9, (byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80, '"'
            });
  }

  @Test
  void structures_noWhitespaceAndNestedSorting() {
    Map<String, Object> inner = new HashMap<>();
    inner.put("b", List.of());
    inner.put("a", Map.of());
    Map<String, Object> outer = new HashMap<>();
    outer.put("z", inner);
    outer.put("y", Arrays.asList(1, null, "x"));
    assertThat(CanonicalJson.toText(outer))
        .isEqualTo("{\"y\":[1,null,\"x\"],\"z\":{\"a\":{},\"b\":[]}}");
  }

  @Test
  void refusals_sayWhichRuleWithoutTheValue() {
    assertThatThrownBy(() -> CanonicalJson.toText("secret\ud800"))
        .hasMessage("a string holds an unpaired surrogate");
    assertThatThrownBy(() -> CanonicalJson.toText(Map.of(1, "x")))
        .hasMessage("a JSON object member name is not a string");
    assertThatThrownBy(() -> CanonicalJson.toText(new Object()))
        .hasMessage("canonical JSON has no form for java.lang.Object");
    Object deep = List.of();
    for (int i = 0; i < 70; i++) {
      deep = List.of(deep);
    }
    Object tooDeep = deep;
    assertThatThrownBy(() -> CanonicalJson.toText(tooDeep))
        .hasMessage("the value nests deeper than 64 levels");
  }
}
