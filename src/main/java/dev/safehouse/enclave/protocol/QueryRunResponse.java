package dev.safehouse.enclave.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * The enclave's answer to a {@link QueryRunRequest}: a result that passed the output checks,
 * signed, or a refusal naming the rules that refused it.
 *
 * <p>Payload: {@code u8 released ‖ bytes32 body ‖ bytes32 statement ‖ str16 signature}.
 *
 * @param released whether the result may be released
 * @param body released: the result's canonical JSON (cells, suppression report, ε spent); refused:
 *     canonical JSON {@code {"rules": [...], "violations": [...]}} — never a value
 * @param statement released: the canonical JSON the enclave signed ({@code runId, resultHash,
 *     planHash, policyHash, inputRoots, epsilon}); refused: empty
 * @param signature released: base64 Ed25519 signature over {@code statement} with the enclave's
 *     attested signing key; refused: empty
 */
public record QueryRunResponse(boolean released, byte[] body, byte[] statement, String signature)
    implements Response {

  /** Copies. */
  public QueryRunResponse {
    body = body.clone();
    statement = statement.clone();
    Objects.requireNonNull(signature, "signature");
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public byte[] statement() {
    return statement.clone();
  }

  @Override
  public MessageType type() {
    return MessageType.QUERY_RUN_RESPONSE;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof QueryRunResponse that
        && released == that.released
        && Arrays.equals(body, that.body)
        && Arrays.equals(statement, that.statement)
        && signature.equals(that.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(released, Arrays.hashCode(body), Arrays.hashCode(statement), signature);
  }

  @Override
  public String toString() {
    return "QueryRunResponse[released=" + released + "]";
  }
}
