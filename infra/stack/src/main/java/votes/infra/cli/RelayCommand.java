package votes.infra.cli;

import picocli.CommandLine.Command;

/** `./vote relay …`: operations on the CDC relay. */
@Command(name = "relay", mixinStandardHelpOptions = true,
        description = "Operations on the CDC relay (cdc-relay): reset (when it cannot resume).",
        subcommands = {RelayResetCommand.class})
final class RelayCommand extends CommandGroup {
}
