package dev.safehouse.cli.provider;

import dev.safehouse.common.DatasetId;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Lets tests in other packages drive the CLI's upload exactly as the command does. */
public final class UploadCommandAccess {
  private UploadCommandAccess() {}

  /** Runs {@link UploadCommand#upload} and returns the version number. */
  public static int upload(
      ApiClient api, DatasetId dataset, Path envelope, int chunkBytes, PrintWriter err)
      throws Exception {
    return UploadCommand.upload(api, dataset, envelope, chunkBytes, err).version();
  }
}
