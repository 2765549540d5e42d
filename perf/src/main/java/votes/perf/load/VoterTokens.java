package votes.perf.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import votes.infra.token.DevKeys;
import votes.infra.token.TokenMinter;
import votes.infra.token.TokenPolicy;

/**
 * Pre-minted voter tokens, voter i = subject prefix+i, minted with the stack's own minter (so perf never
 * drifts from what the services accept). Minting is ~1 ms of RSA per token, done before any phase; a cache
 * file (one token per line, as `./vote token --count` prints them) makes reruns start at once.
 */
public final class VoterTokens {

    private VoterTokens() {
    }

    public static List<String> load(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read tokens from " + file, e);
        }
    }

    /**
     * Tokens as long-lived as the stack allows: the same JWT_AUDIENCE and JWT_MAX_TTL_SECONDS as the stack's
     * services (perf/lib.sh raises the cap for perf stacks, as a run outlives the default 15 min).
     */
    public static List<String> mint(Path privatePem, String issuer, String prefix, int count, List<String> groups) {
        TokenMinter minter = minter(privatePem, issuer);
        return minter.mintMany(prefix, count, groups, minter.policy().maxTtl());
    }

    /**
     * Voter tokens issued at given instants (iat; each lives as long as the stack allows from there): the swarm's
     * people log in minutes before they vote, a bot farm mints in bulk. Keyed by subject; minted on every core.
     */
    public static Map<String, String> mintIssuedAt(Path privatePem, String issuer, Map<String, Instant> issuedAt) {
        TokenMinter minter = minter(privatePem, issuer);
        Duration ttl = minter.policy().maxTtl();
        return issuedAt.entrySet().parallelStream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> minter.mint(e.getKey(), List.of("voter"), ttl, e.getValue())));
    }

    private static TokenMinter minter(Path privatePem, String issuer) {
        DevKeys keys = new DevKeys(privatePem, privatePem.resolveSibling("jwt-public.pem"));
        TokenPolicy stack = TokenPolicy.fromEnv(System.getenv());
        return new TokenMinter(keys.privateKey(), new TokenPolicy(issuer, stack.audience(), stack.maxTtl()));
    }

    /** A cache younger than half the cap still has half a token lifetime ahead: enough for a run, else re-mint. */
    private static boolean fresh(Path cache) throws IOException {
        Instant written = Files.getLastModifiedTime(cache).toInstant();
        Duration half = TokenPolicy.fromEnv(System.getenv()).maxTtl().dividedBy(2);
        return written.plus(half).isAfter(Instant.now());
    }

    /** Tokens from the cache if it holds enough of them, else freshly minted and written to the cache. */
    public static List<String> cachedOrMinted(Path cache, Path privatePem, String issuer, String prefix, int count) {
        try {
            if (cache != null && Files.isRegularFile(cache) && fresh(cache)) {
                List<String> cached = load(cache);
                if (cached.size() >= count) {
                    return cached.subList(0, count);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token cache " + cache, e);
        }
        List<String> minted = mint(privatePem, issuer, prefix, count, List.of("voter"));
        if (cache != null) {
            try {
                Files.createDirectories(cache.toAbsolutePath().getParent());
                Files.write(cache, minted);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the token cache " + cache, e);
            }
        }
        return minted;
    }
}
