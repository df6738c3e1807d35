package dev.safehouse.cli.demo;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code safehouse demo-data}: writes synthetic CSVs for the three credit datasets. */
@Command(
    name = "demo-data",
    description =
        "Write synthetic public, market and financial credit CSVs (valid USCCs, correlated).",
    mixinStandardHelpOptions = true)
public final class DemoDataCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--entities", defaultValue = "10000", description = "enterprises (default 10000)")
  int entities;

  @Option(names = "--seed", defaultValue = "1", description = "generator seed (default 1)")
  long seed;

  @Option(names = "--out", defaultValue = "demo-data", description = "output directory")
  Path out;

  @Override
  public Integer call() throws Exception {
    SyntheticCreditData.Counts counts = SyntheticCreditData.write(out, entities, seed);
    spec.commandLine()
        .getOut()
        .printf(
            "wrote %s: public-credit %d rows, market-credit %d, financial-credit %d%n",
            out, counts.publicRows(), counts.marketRows(), counts.financialRows());
    return 0;
  }
}
