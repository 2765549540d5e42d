package votes.infra.cli;

import picocli.CommandLine.Command;

/** `./vote ledger …`: operations on the stack's ledger. */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "Operations on the ledger's database: rebuild (into a new database, compared with the original).",
        subcommands = {LedgerRebuildCommand.class})
final class LedgerCommand extends CommandGroup {
}
