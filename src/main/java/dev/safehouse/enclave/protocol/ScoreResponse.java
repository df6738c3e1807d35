package dev.safehouse.enclave.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The enclave's scores, one result per requested item, in request order.
 *
 * <p>Payload: {@code u16 n ‖ n × (str16 itemId ‖ u8 found ‖ bytes32 statement ‖ str16 signature)}.
 *
 * @param results one per item
 */
public record ScoreResponse(List<Result> results) implements Response {
  /** Copies. */
  public ScoreResponse {
    results = List.copyOf(results);
  }

  /**
   * One item's outcome.
   *
   * @param itemId the request's item id
   * @param found whether the enterprise is in the loaded data; if not, statement and signature are
   *     empty
   * @param statement the canonical JSON the enclave signed: item id, uscc, score, grade, reason
   *     codes, model version, consent hash, input roots
   * @param signature base64 Ed25519 signature over {@code statement} with the enclave's attested
   *     key
   */
  public record Result(String itemId, boolean found, byte[] statement, String signature) {
    /** Validates presence and copies. */
    public Result {
      Objects.requireNonNull(itemId, "itemId");
      statement = statement.clone();
      Objects.requireNonNull(signature, "signature");
    }

    @Override
    public byte[] statement() {
      return statement.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Result that
          && itemId.equals(that.itemId)
          && found == that.found
          && Arrays.equals(statement, that.statement)
          && signature.equals(that.signature);
    }

    @Override
    public int hashCode() {
      return Objects.hash(itemId, found, Arrays.hashCode(statement), signature);
    }

    @Override
    public String toString() {
      return "Result[" + itemId + ", found=" + found + "]";
    }
  }

  @Override
  public MessageType type() {
    return MessageType.SCORE_RESPONSE;
  }
}
