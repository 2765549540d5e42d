package votes.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTextTest {

    /**
     * picocli formats every description with {@code String.format}: a bare "%" (e.g. "1 % of traces") makes it print
     * a warning to stderr and the raw text, "%n" unreplaced, above the help a user asked for.
     */
    @Test
    void everyCommandsHelpRendersWithoutAFormatWarning() {
        List<CommandLine> commands = new ArrayList<>();
        collect(new CommandLine(new VoteCli()), commands);
        assertThat(commands).hasSizeGreaterThan(10);
        for (CommandLine command : commands) {
            ByteArrayOutputStream warnings = new ByteArrayOutputStream();
            PrintStream stderr = System.err;
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            String usage;
            try {
                usage = command.getUsageMessage();
            } finally {
                System.setErr(stderr);
            }
            String name = command.getCommandSpec().qualifiedName();
            assertThat(warnings.toString(StandardCharsets.UTF_8)).as("stderr while rendering %s --help", name).isEmpty();
            assertThat(usage).as("%s --help", name).doesNotContain("%n");
        }
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
    }
}
