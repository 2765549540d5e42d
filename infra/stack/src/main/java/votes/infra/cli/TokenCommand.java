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
import votes.infra.token.TokenLifetimeException;
import votes.infra.token.TokenMinter;
import votes.kit.duration.Ttl;

@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Mints dev JWTs signed with the stack's key (one per line on stdout).",
                "  ./vote token --sub alice --groups voter,admin --ttl 10m",
                "  ./vote token --count 10000 --prefix p-"})
final class TokenCommand implements Callable<Integer> {

    @Option(names = "--sub", description = "Subject (the voter's identity). Default: alice unless --count.")
    String sub;

    @Option(names = "--groups", split = ",", defaultValue = "voter", description = "Comma-separated groups (default: ${DEFAULT-VALUE}).")
    List<String> groups;

    @Option(names = "--ttl", description = "Lifetime: 90s, 10m, 15m; at most the services' cap JWT_MAX_TTL_SECONDS"
            + " (default: the cap, 15m unless set).")
    String ttl;

    @Option(names = "--count", description = "Mint N tokens for subjects <prefix>0 … <prefix>N-1.")
    Integer count;

    @Option(names = "--prefix", defaultValue = "voter-", description = "Subject prefix with --count (default: ${DEFAULT-VALUE}).")
    String prefix;

    @Override
    public Integer call() throws IOException {
        TokenMinter minter = Cli.stack().tokens();
        Duration lifetime = ttl == null ? minter.policy().maxTtl() : Ttl.parse(ttl);
        List<String> tokens;
        try {
            tokens = count == null
                    ? List.of(minter.mint(sub == null ? "alice" : sub, groups, lifetime))
                    : minter.mintMany(prefix, count, groups, lifetime);
        } catch (TokenLifetimeException e) {
            // The services would answer 401 to such a token: refuse it here, as a usage error.
            System.err.println("--ttl " + ttl + ": " + e.getMessage());
            return 2;
        }
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.US_ASCII), 1 << 16);
        for (String token : tokens) {
            out.write(token);
            out.newLine();
        }
        out.flush();
        return 0;
    }
}
