package dev.safehouse.enclave.host;

import java.io.IOException;
import java.nio.file.Path;

/** Starts one child process for a command; a seam so tests can stand in a fake enclave. */
@FunctionalInterface
interface ChildLauncher {

  /** The real launcher: {@link EnclaveCommand#start(Path)}. */
  ChildLauncher PROCESS = EnclaveCommand::start;

  Process launch(EnclaveCommand command, Path workDir) throws IOException;
}
