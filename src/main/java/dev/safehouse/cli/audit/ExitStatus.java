package dev.safehouse.cli.audit;

import dev.safehouse.cli.provider.ApiClient;
import dev.safehouse.crypto.AttestationVerifier;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The exit statuses of {@code safehouse audit} and the one place that maps failures to them: 0 all
 * checks passed, 1 a check failed (tamper evidence, a refused attestation), 2 the checks could not
 * be run (usage, files, network, server errors). Messages printed are the exceptions' own, which
 * never hold tokens or key material.
 */
final class ExitStatus {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int ERROR = 2;

  private ExitStatus() {}

  /** A command's body. */
  interface Body {
    void run() throws Exception;
  }

  /** Runs {@code body} and returns its exit status, printing any failure to {@code err}. */
  static int of(PrintWriter err, Body body) {
    try {
      body.run();
      return OK;
    } catch (VerificationFailure | AttestationVerifier.RejectedException e) {
      err.println("FAIL: " + e.getMessage());
      return FAILED;
    } catch (ApiClient.ApiException | IllegalArgumentException e) {
      err.println("safehouse: " + e.getMessage());
      return ERROR;
    } catch (IOException e) {
      String detail = e.getMessage() == null ? "connection failed" : e.getMessage();
      err.println("safehouse: network or server error: " + detail);
      return ERROR;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("safehouse: interrupted");
      return ERROR;
    } catch (Exception e) {
      // Not a verdict on the log: a bug or an unexpected answer; never claim tampering for it.
      err.println("safehouse: unexpected error: " + e.getMessage());
      return ERROR;
    }
  }
}
