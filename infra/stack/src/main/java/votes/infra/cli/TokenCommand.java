package votes.infra.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import votes.infra.token.TokenMinter;
import votes.kit.duration.Ttl;

@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Mints dev JWTs signed with the stack's key (one per line on stdout).",
                "  ./vote token --sub alice --groups voter,admin --ttl 1h",
                "  ./vote token --count 10000 --prefix p-"})
final class TokenCommand implements Callable<Integer> {

    @Option(names = "--sub", description = "Subject (the voter's identity). Default: alice unless --count.")
    String sub;

    @Option(names = "--groups", split = ",", defaultValue = "voter", description = "Comma-separated groups (default: ${DEFAULT-VALUE}).")
    List<String> groups;

    @Option(names = "--ttl", defaultValue = "24h", description = "Lifetime: 90s, 30m, 1h, 7d (default: ${DEFAULT-VALUE}).")
    String ttl;

    @Option(names = "--count", description = "Mint N tokens for subjects <prefix>0 … <prefix>N-1.")
    Integer count;

    @Option(names = "--prefix", defaultValue = "voter-", description = "Subject prefix with --count (default: ${DEFAULT-VALUE}).")
    String prefix;

    @Override
    public Integer call() throws IOException {
        Duration lifetime = Ttl.parse(ttl);
        TokenMinter minter = Cli.stack().tokens();
        List<String> tokens = count == null
                ? List.of(minter.mint(sub == null ? "alice" : sub, groups, lifetime))
                : minter.mintMany(prefix, count, groups, lifetime);
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.US_ASCII), 1 << 16);
        for (String token : tokens) {
            out.write(token);
            out.newLine();
        }
        out.flush();
        return 0;
    }
}
