package votes.infra.cli;

import picocli.CommandLine;

/** A command that only groups subcommands ({@code ./vote ledger}, {@code ./vote relay}): alone, it prints its usage. */
abstract class CommandGroup implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
