package dev.safehouse.enclave.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Asks the enclave to run one approved research query. The enclave does not trust the host's check:
 * it parses {@code sql} itself, derives the project's rules from its own policy bundle, checks the
 * plan, and runs only SQL generated from it.
 *
 * <p>Payload: {@code str16 runId ‖ str16 projectId ‖ str16 template ‖ u16 n ‖ n × str16 dataset ‖
 * bytes32 sql ‖ bytes32 parametersJson ‖ str16 epsilon ‖ u16 m ‖ m × (bytes32 sql ‖ bytes32
 * parametersJson)}.
 *
 * @param runId the run's id, bound into the enclave's signature
 * @param projectId the project's id
 * @param template the project's template name
 * @param datasets the datasets the project was approved for
 * @param sql the researcher's SQL text, as approved
 * @param parametersJson the named parameters' values, a JSON object
 * @param epsilon the ε the host charged for this run (decimal), or empty when the project's rules
 *     require no DP
 * @param earlierReleases the project's earlier released runs, for the differencing guard
 */
public record QueryRunRequest(
    String runId,
    String projectId,
    String template,
    List<String> datasets,
    String sql,
    String parametersJson,
    String epsilon,
    List<Release> earlierReleases)
    implements Request {

  /** Validates presence and copies. */
  public QueryRunRequest {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(template, "template");
    datasets = List.copyOf(datasets);
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(parametersJson, "parametersJson");
    Objects.requireNonNull(epsilon, "epsilon");
    earlierReleases = List.copyOf(earlierReleases);
  }

  /**
   * An earlier release of the same project.
   *
   * @param sql its SQL text
   * @param parametersJson its parameters' values
   */
  public record Release(String sql, String parametersJson) {
    /** Validates presence. */
    public Release {
      Objects.requireNonNull(sql, "sql");
      Objects.requireNonNull(parametersJson, "parametersJson");
    }
  }

  @Override
  public MessageType type() {
    return MessageType.QUERY_RUN_REQUEST;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "QueryRunRequest[run " + runId + ", project " + projectId + "]";
  }
}
