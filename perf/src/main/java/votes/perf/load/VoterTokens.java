package votes.perf.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import votes.infra.token.DevKeys;
import votes.infra.token.TokenMinter;

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

    public static List<String> mint(Path privatePem, String issuer, String prefix, int count, List<String> groups) {
        DevKeys keys = new DevKeys(privatePem, privatePem.resolveSibling("jwt-public.pem"));
        return new TokenMinter(keys.privateKey(), issuer).mintMany(prefix, count, groups, TokenMinter.DEFAULT_TTL);
    }

    /** Tokens from the cache if it holds enough of them, else freshly minted and written to the cache. */
    public static List<String> cachedOrMinted(Path cache, Path privatePem, String issuer, String prefix, int count) {
        if (cache != null && Files.isRegularFile(cache)) {
            List<String> cached = load(cache);
            if (cached.size() >= count) {
                return cached.subList(0, count);
            }
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
