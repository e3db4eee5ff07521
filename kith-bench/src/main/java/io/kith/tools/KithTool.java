package io.kith.tools;

import io.kith.bench.driver.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The offline tools behind {@code ./kith import}, {@code ./kith export} and {@code ./kith bench}. */
@Command(name = "kith", mixinStandardHelpOptions = true,
    subcommands = {ImportCommand.class, ExportCommand.class, BenchCommand.class})
public final class KithTool {
  public static void main(String[] args) {
    CommandLine commandLine = new CommandLine(new KithTool())
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          // Configuration and data errors are for the user, not stack traces: print "name: value (expected: ...)".
          if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            cmd.getErr().println("kith " + cmd.getCommandName() + ": " + e.getMessage());
            return 2;
          }
          throw e;
        });
    System.exit(commandLine.execute(args));
  }
}
