package dev.safehouse.enclave.store;

/**
 * The in-memory engine refused an operation. The message names the operation only; the engine's own
 * message, which may quote data, stays in the cause and is never logged by the enclave.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StoreException(String operation, Throwable cause) {
    super(operation + " failed in the enclave's engine", cause);
  }
}
