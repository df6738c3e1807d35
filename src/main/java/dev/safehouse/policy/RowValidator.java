package dev.safehouse.policy;

import dev.safehouse.common.InvalidRequestException;
import dev.safehouse.common.Uscc;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * Checks the rows of one dataset against its schema and turns cells into typed values (see {@link
 * TypedRows}). Surrounding whitespace is ignored; an empty cell is null where the column allows it.
 * Also refuses a USCC that appeared in an earlier row.
 *
 * <p>Cells are read as UTF-8 bytes straight from the {@link CsvReader}'s buffer. Plain ASCII cells
 * — nearly all of them — are checked and converted without decoding to text; any other cell is
 * decoded strictly (malformed UTF-8 is refused) and goes through the general rules (Unicode
 * normalisation of codes, {@link Long#parseLong}, {@link Double#parseDouble}). Both paths accept
 * and produce exactly the same values.
 *
 * <h2>Security guarantees</h2>
 *
 * Violations name the row and column and say what rule failed; they never contain the cell's value,
 * so a rejection report is safe to hand to the host. Not thread-safe: one validator per file.
 */
public final class RowValidator {
  /** Decimals with at most this many digits convert exactly through one division (Clinger). */
  private static final long EXACT_MANTISSA = 1L << 53;

  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  private final DatasetSchema schema;
  private final ColumnSpec[] columns;
  private final double[] mins;
  private final double[] maxes;
  private final byte[][][] enumValues;
  private final int usccIndex;
  private final Matcher[] patterns;
  private final AsciiCell asciiCell = new AsciiCell();
  private final SeenCodes seen = new SeenCodes();
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  /** Creates a validator for one pass over one file. */
  public RowValidator(DatasetSchema schema) {
    this.schema = schema;
    this.columns = schema.columns().toArray(ColumnSpec[]::new);
    this.usccIndex = schema.usccIndex();
    mins = new double[columns.length];
    maxes = new double[columns.length];
    enumValues = new byte[columns.length][][];
    patterns = new Matcher[columns.length];
    for (int i = 0; i < columns.length; i++) {
      patterns[i] = columns[i].pattern().map(p -> p.matcher("")).orElse(null);
      mins[i] = columns[i].min().orElse(Double.NEGATIVE_INFINITY);
      maxes[i] = columns[i].max().orElse(Double.POSITIVE_INFINITY);
      enumValues[i] =
          columns[i].values().stream()
              .map(v -> v.getBytes(StandardCharsets.UTF_8))
              .toArray(byte[][]::new);
    }
  }

  /**
   * Checks the header record against the schema's column names.
   *
   * @return a violation, or null if the header matches exactly
   */
  public RowViolation checkHeader(String[] header) {
    if (!List.of(header).equals(schema.columnNames())) {
      return new RowViolation(
          0, "*", "header must be exactly " + String.join(",", schema.columnNames()));
    }
    return null;
  }

  /**
   * Validates the reader's current record as data row {@code row}; if it is valid, appends its
   * typed values to {@code out}.
   *
   * @param violations receives every violation of this row
   * @return whether the row is valid
   * @throws IllegalStateException if {@code out} is full
   */
  public boolean validate(
      long row, CsvReader record, TypedRows out, List<RowViolation> violations) {
    if (record.fieldCount() != columns.length) {
      violations.add(
          new RowViolation(
              row, "*", "expected " + columns.length + " fields, found " + record.fieldCount()));
      return false;
    }
    if (!out.hasRoom()) {
      throw new IllegalStateException("the batch is full");
    }
    byte[] bytes = record.buffer();
    boolean valid = true;
    for (int i = 0; i < columns.length; i++) {
      String reason = convert(i, bytes, record.start(i), record.end(i), out);
      if (reason != null) {
        violations.add(new RowViolation(row, columns[i].name(), reason));
        valid = false;
      }
    }
    if (valid && !seen.add(out.pendingText(usccIndex), 0)) {
      violations.add(new RowViolation(row, "uscc", "the same code appears in an earlier row"));
      valid = false;
    }
    if (valid) {
      out.endRow();
    }
    return valid;
  }

  /** Returns null on success, else the reason; never includes the cell. */
  private String convert(int i, byte[] b, int start, int end, TypedRows out) {
    while (start < end && isAsciiWhitespace(b[start])) {
      start++;
    }
    while (end > start && isAsciiWhitespace(b[end - 1])) {
      end--;
    }
    for (int p = start; p < end; p++) {
      if (b[p] < 0) {
        return convertText(i, b, start, end, out);
      }
    }
    ColumnSpec column = columns[i];
    int length = end - start;
    if (length == 0) {
      out.setNull(i);
      return column.nullable() ? null : "a value is required";
    }
    return switch (column.type()) {
      case USCC -> {
        if (length == Uscc.LENGTH && Uscc.isCanonical(b, start)) {
          out.setText(i, Arrays.copyOfRange(b, start, end));
          yield null;
        }
        yield convertText(i, b, start, end, out); // lower case, or invalid: let Uscc say which
      }
      case ENUM -> {
        for (byte[] value : enumValues[i]) {
          if (Arrays.equals(value, 0, value.length, b, start, end)) {
            out.setText(i, value);
            yield null;
          }
        }
        yield "not one of the allowed values";
      }
      case BOOLEAN -> {
        if (matchesIgnoringCase(b, start, end, TRUE) || (length == 1 && b[start] == '1')) {
          out.setBoolean(i, true);
          yield null;
        }
        if (matchesIgnoringCase(b, start, end, FALSE) || (length == 1 && b[start] == '0')) {
          out.setBoolean(i, false);
          yield null;
        }
        yield "not a boolean (true/false)";
      }
      case INTEGER -> {
        long value = parseAsciiLong(b, start, end);
        if (value == Long.MIN_VALUE) {
          yield convertText(i, b, start, end, out);
        }
        yield checkBounds(i, value, out);
      }
      case DECIMAL -> {
        double value = parseSimpleDecimal(b, start, end);
        if (Double.isNaN(value)) {
          yield convertText(i, b, start, end, out);
        }
        yield checkBounds(i, value, out);
      }
      case STRING -> {
        if (patterns[i] != null && !patterns[i].reset(asciiCell.of(b, start, end)).matches()) {
          yield "does not match the column's pattern";
        }
        out.setText(i, Arrays.copyOfRange(b, start, end));
        yield null;
      }
    };
  }

  /** The general rules, on the cell decoded as text. */
  private String convertText(int i, byte[] b, int start, int end, TypedRows out) {
    String text;
    try {
      text = utf8.decode(ByteBuffer.wrap(b, start, end - start)).toString().strip();
    } catch (CharacterCodingException e) {
      return "not valid UTF-8 text";
    }
    ColumnSpec column = columns[i];
    if (text.isEmpty()) {
      out.setNull(i);
      return column.nullable() ? null : "a value is required";
    }
    switch (column.type()) {
      case USCC -> {
        try {
          out.setText(i, Uscc.parse(text).value().getBytes(StandardCharsets.US_ASCII));
          return null;
        } catch (InvalidRequestException e) {
          return "not a valid unified social credit code";
        }
      }
      case STRING -> {
        if (column.pattern().isPresent() && !column.pattern().get().matcher(text).matches()) {
          return "does not match the column's pattern";
        }
        out.setText(i, text.getBytes(StandardCharsets.UTF_8));
        return null;
      }
      case ENUM -> {
        int index = column.values().indexOf(text);
        if (index < 0) {
          return "not one of the allowed values";
        }
        out.setText(i, enumValues[i][index]);
        return null;
      }
      case BOOLEAN -> {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("1")) {
          out.setBoolean(i, true);
        } else if (lower.equals("false") || lower.equals("0")) {
          out.setBoolean(i, false);
        } else {
          return "not a boolean (true/false)";
        }
        return null;
      }
      case INTEGER -> {
        try {
          return checkBounds(i, Long.parseLong(text), out);
        } catch (NumberFormatException e) {
          return "not a whole number";
        }
      }
      case DECIMAL -> {
        double value;
        try {
          value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          return "not a number";
        }
        if (!Double.isFinite(value)) {
          return "not a finite number";
        }
        return checkBounds(i, value, out);
      }
    }
    return "unsupported type";
  }

  private String checkBounds(int i, long value, TypedRows out) {
    String bound = bound(i, value);
    if (bound == null) {
      out.setLong(i, value);
    }
    return bound;
  }

  private String checkBounds(int i, double value, TypedRows out) {
    String bound = bound(i, value);
    if (bound == null) {
      out.setDouble(i, value);
    }
    return bound;
  }

  private String bound(int i, double value) {
    if (value < mins[i]) {
      return "below the minimum " + columns[i].min().orElseThrow();
    }
    if (value > maxes[i]) {
      return "above the maximum " + columns[i].max().orElseThrow();
    }
    return null;
  }

  /** Compares ASCII text with a lower-case word, folding ASCII upper case. */
  private static boolean matchesIgnoringCase(byte[] b, int start, int end, byte[] lowerCase) {
    if (end - start != lowerCase.length) {
      return false;
    }
    for (int i = 0; i < lowerCase.length; i++) {
      if ((b[start + i] | 0x20) != lowerCase[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@link Character#isWhitespace} restricted to ASCII, which is what {@link String#strip} uses.
   */
  private static boolean isAsciiWhitespace(byte c) {
    return c == ' ' || (c >= 9 && c <= 13) || (c >= 28 && c <= 31);
  }

  /**
   * Parses {@code [+-]?[0-9]{1,18}}; returns {@link Long#MIN_VALUE} for anything else, which then
   * takes the general path.
   */
  private static long parseAsciiLong(byte[] b, int start, int end) {
    int p = start;
    boolean negative = false;
    if (b[p] == '-' || b[p] == '+') {
      negative = b[p] == '-';
      p++;
    }
    if (p == end || end - p > 18) {
      return Long.MIN_VALUE;
    }
    long value = 0;
    for (; p < end; p++) {
      int digit = b[p] - '0';
      if (digit < 0 || digit > 9) {
        return Long.MIN_VALUE;
      }
      value = value * 10 + digit;
    }
    return negative ? -value : value;
  }

  /**
   * Parses {@code [+-]?[0-9]*(.[0-9]*)?} with at least one digit, a mantissa below 2^53 and at most
   * 22 fraction digits — exactly, since both the mantissa and the power of ten are exact doubles
   * and one division rounds correctly, so the result equals {@link Double#parseDouble}'s. Returns
   * NaN for anything else, which then takes the general path.
   */
  private static double parseSimpleDecimal(byte[] b, int start, int end) {
    int p = start;
    boolean negative = false;
    if (b[p] == '-' || b[p] == '+') {
      negative = b[p] == '-';
      p++;
    }
    long mantissa = 0;
    int digits = 0;
    int fractionDigits = -1;
    for (; p < end; p++) {
      int c = b[p];
      if (c == '.' && fractionDigits < 0) {
        fractionDigits = 0;
        continue;
      }
      int digit = c - '0';
      if (digit < 0 || digit > 9 || digits >= 16) {
        return Double.NaN;
      }
      mantissa = mantissa * 10 + digit;
      digits++;
      if (fractionDigits >= 0) {
        fractionDigits++;
      }
    }
    if (digits == 0 || mantissa >= EXACT_MANTISSA || fractionDigits >= POWERS_OF_TEN.length) {
      return Double.NaN;
    }
    double value = fractionDigits > 0 ? mantissa / POWERS_OF_TEN[fractionDigits] : mantissa;
    return negative ? -value : value;
  }

  /** An ASCII cell seen as characters without copying, so a pattern can be matched in place. */
  private static final class AsciiCell implements CharSequence {
    private byte[] bytes;
    private int start;
    private int length;

    AsciiCell of(byte[] bytes, int start, int end) {
      this.bytes = bytes;
      this.start = start;
      this.length = end - start;
      return this;
    }

    @Override
    public int length() {
      return length;
    }

    @Override
    public char charAt(int index) {
      return (char) bytes[start + index];
    }

    @Override
    public CharSequence subSequence(int from, int to) {
      return toString().substring(from, to);
    }

    @Override
    public String toString() {
      return new String(bytes, start, length, StandardCharsets.US_ASCII);
    }
  }
}
