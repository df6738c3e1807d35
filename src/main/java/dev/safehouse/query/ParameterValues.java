package dev.safehouse.query;

import dev.safehouse.policy.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a run's parameter values against a plan's declared parameters and types them for binding:
 * String for string, uscc and enum (an allowed value) parameters, Long for integers (integral
 * numbers only), BigDecimal for decimals (finite numbers), Boolean for booleans.
 */
final class ParameterValues {
  private ParameterValues() {}

  /**
   * Returns the typed values by name.
   *
   * @throws ParameterException if a value is missing, unexpected, null or of the wrong type
   */
  static Map<String, Object> typed(QueryPlan plan, Map<String, ?> values) {
    Map<String, Object> typed = new HashMap<>();
    for (String name : values.keySet()) {
      if (plan.parameters().stream().noneMatch(p -> p.name().equals(name))) {
        boolean valid = name != null && Operand.Parameter.NAME.matcher(name).matches();
        throw new ParameterException(
            valid ? "unknown parameter :" + name : "a parameter name is not valid");
      }
    }
    for (QueryPlan.Parameter parameter : plan.parameters()) {
      if (!values.containsKey(parameter.name())) {
        throw new ParameterException("missing value for parameter :" + parameter.name());
      }
      typed.put(parameter.name(), value(parameter, values.get(parameter.name())));
    }
    return typed;
  }

  private static Object value(QueryPlan.Parameter parameter, Object raw) {
    Object value =
        switch (parameter.type()) {
          case STRING, USCC -> raw instanceof String ? raw : null;
          case ENUM ->
              raw instanceof String s
                      && parameter.allowedValues().map(v -> v.contains(s)).orElse(true)
                  ? s
                  : null;
          case BOOLEAN -> raw instanceof Boolean ? raw : null;
          case DECIMAL -> decimal(raw);
          case INTEGER -> integer(raw);
        };
    if (value == null) {
      throw new ParameterException(
          "parameter :" + parameter.name() + " needs " + expected(parameter.type()));
    }
    return value;
  }

  private static BigDecimal decimal(Object raw) {
    if (raw instanceof BigDecimal d) {
      return d;
    }
    if (raw instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (raw instanceof Long
        || raw instanceof Integer
        || raw instanceof Short
        || raw instanceof Byte) {
      return BigDecimal.valueOf(((Number) raw).longValue());
    }
    if (raw instanceof Double || raw instanceof Float) {
      double d = ((Number) raw).doubleValue();
      return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
    }
    return null;
  }

  private static Long integer(Object raw) {
    BigDecimal d = decimal(raw);
    if (d == null) {
      return null;
    }
    try {
      return d.toBigIntegerExact().longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private static String expected(ColumnType type) {
    return switch (type) {
      case ENUM -> "one of the column's allowed values";
      case INTEGER -> "a whole number";
      case DECIMAL -> "a finite number";
      case BOOLEAN -> "true or false";
      default -> "a " + type.name().toLowerCase(Locale.ROOT) + " string";
    };
  }
}
