package dev.safehouse.enclave.protocol;

import java.util.List;
import java.util.Objects;

/**
 * Asks the enclave to score enterprises with the scorecard of its policy bundle. The host has
 * already checked each item's consent and quota; the enclave binds the consent's hash into what it
 * signs.
 *
 * <p>Payload: {@code u16 n ‖ n × (str16 itemId ‖ str16 uscc ‖ str16 consentHash)}, at most {@value
 * #MAX_ITEMS} items.
 *
 * @param items the enterprises to score
 */
public record ScoreRequest(List<Item> items) implements Request {
  /** Most items in one request. */
  public static final int MAX_ITEMS = 1_000;

  /** Validates and copies. */
  public ScoreRequest {
    items = List.copyOf(items);
    if (items.isEmpty() || items.size() > MAX_ITEMS) {
      throw new IllegalArgumentException("a score request holds 1 to " + MAX_ITEMS + " items");
    }
  }

  /**
   * One enterprise to score.
   *
   * @param itemId the host's id for the answer, bound into the signature
   * @param uscc the enterprise's canonical code
   * @param consentHash hex SHA-256 of the consent the host checked
   */
  public record Item(String itemId, String uscc, String consentHash) {
    /** Validates presence. */
    public Item {
      Objects.requireNonNull(itemId, "itemId");
      Objects.requireNonNull(uscc, "uscc");
      Objects.requireNonNull(consentHash, "consentHash");
    }
  }

  @Override
  public MessageType type() {
    return MessageType.SCORE_REQUEST;
  }

  @Override
  public String toString() {
    return "ScoreRequest[" + items.size() + " items]";
  }
}
