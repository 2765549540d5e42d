package votes.infra.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `./vote`: the local stack in one command. Every subcommand answers --help. */
@Command(name = "vote", mixinStandardHelpOptions = true, version = "vote 0.1.0",
        description = "Runs the votes stack locally (Kafka, PostgreSQL, Redis, the services and the gateway) and audits"
                + " it.",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, PidCommand.class, LogsCommand.class,
                EnvCommand.class, JdkCommand.class, TokenCommand.class, CastCommand.class, SolveCommand.class, AuditCommand.class, PgDrillCommand.class, LedgerCommand.class,
                RelayCommand.class, UnbuiltCommand.class, CommandLine.HelpCommand.class})
public final class VoteCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new VoteCli())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("vote: " + e.getMessage());
                    return 1;
                })
                .execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
