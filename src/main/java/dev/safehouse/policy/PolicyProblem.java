package dev.safehouse.policy;

import java.util.Objects;

/**
 * One thing wrong with a policy file, formatted {@code file:line:column: field: message} (for
 * example {@code disclosure/public-credit.yaml:7:5: templates.standard.k: must be at least 2}).
 * Policy files hold no record values, so the text is safe to show.
 *
 * @param file the file's path relative to the policies directory, with {@code /} separators
 * @param at where in the file; {@link SourcePosition#NONE} for the file as a whole
 * @param field the field's path ({@code templates.dp-open.k}, {@code clamp[1]}); empty for none
 * @param message what is wrong
 */
public record PolicyProblem(String file, SourcePosition at, String field, String message) {
  /** Requires every component. */
  public PolicyProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(file);
    if (!at.equals(SourcePosition.NONE)) {
      text.append(':').append(at.line()).append(':').append(at.column());
    }
    text.append(": ");
    if (!field.isEmpty()) {
      text.append(field).append(": ");
    }
    return text.append(message).toString();
  }
}
