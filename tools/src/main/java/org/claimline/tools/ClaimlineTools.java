package org.claimline.tools;

import org.claimline.tools.bench.BenchCommand;
import org.claimline.tools.demo.DemoCommand;
import org.claimline.tools.importer.ImportCommand;
import org.claimline.tools.limits.LimitsCommand;
import org.claimline.tools.ready.ConsumersReadyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the command-line tools that {@code ./claimline} runs against a running stack. */
@Command(name = "claimline", mixinStandardHelpOptions = true,
        subcommands = {ImportCommand.class, DemoCommand.class, BenchCommand.class, LimitsCommand.class,
            ConsumersReadyCommand.class})
public final class ClaimlineTools {

    public static void main(String[] args) {
        // a command-line tool shows the Kafka and JDBC clients' warnings, not their start-up chatter
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(new CommandLine(new ClaimlineTools()).execute(args));
    }
}
