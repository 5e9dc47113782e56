package org.claimline.tools;

import org.claimline.tools.bench.BenchCommand;
import org.claimline.tools.demo.DemoCommand;
import org.claimline.tools.importer.ImportCommand;
import org.claimline.tools.limits.LimitsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the command-line tools that {@code ./claimline} runs against a running stack. */
@Command(name = "claimline", mixinStandardHelpOptions = true,
        subcommands = {ImportCommand.class, DemoCommand.class, BenchCommand.class, LimitsCommand.class})
public final class ClaimlineTools {

    public static void main(String[] args) {
        System.exit(new CommandLine(new ClaimlineTools()).execute(args));
    }
}
