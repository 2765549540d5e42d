package votes.perf.pervote;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import votes.infra.token.TokenMinter;
import votes.infra.token.TokenPolicy;
import votes.kit.identity.TrustedIssuers;
import votes.perf.floor.Rs256Floor;
import votes.perf.report.Medians;
import votes.perf.report.Table;

/**
 * Ingest's token check per vote, alone in one JVM thread: the services' {@link TrustedIssuers} (smallrye-jwt and
 * jose4j: the issuer picked, RS256 verified, iss, aud, exp, iat, the lifetime cap and the required claims checked,
 * the principal made) against the JDK's RS256 verify alone (the cost floor's {@link Rs256Floor}), on the stack's
 * kind of token. What the first costs beyond the second is all a hand-written verifier could save.
 */
@Command(name = "token-check-work", mixinStandardHelpOptions = true, sortOptions = false,
        description = "µs of CPU per token: the services' token check against the RS256 verify alone, "
                + "median of rounds.")
public final class TokenCheckWork implements Callable<Integer> {

    /** What ingest's application.properties gives the dev issuer (mp.jwt.verify.*, smallrye.jwt.*). */
    private static final TokenPolicy POLICY = TokenPolicy.defaults();
    private static final Set<String> REQUIRED_CLAIMS = Set.of("iss", "aud", "sub", "iat", "exp");
    private static final int CLOCK_SKEW_SECONDS = 30;

    @Option(names = "--tokens", defaultValue = "2000",
            description = "Distinct voter tokens, each checked once a round.")
    int tokens;

    @Option(names = "--warmup-rounds", defaultValue = "10", description = "Rounds run before timing (the JIT).")
    int warmupRounds;

    @Option(names = "--rounds", defaultValue = "15", description = "Timed rounds; the median is printed.")
    int rounds;

    public static void main(String[] args) {
        System.exit(votes.perf.report.CliErrors.run(new TokenCheckWork(), args));
    }

    @Override
    public Integer call() throws GeneralSecurityException, ParseException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        List<String> voterTokens = new TokenMinter(keys.getPrivate(), POLICY)
                .mintMany("perf-voter-", tokens, List.of("voter"), POLICY.maxTtl());
        TrustedIssuers check = servicesCheck(keys.getPublic());
        Rs256Floor verify = new Rs256Floor(keys.getPublic(), voterTokens.get(0));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> checks = new ArrayList<>();
        List<Double> verifies = new ArrayList<>();
        for (int round = 0; round < warmupRounds + rounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (String token : voterTokens) {
                if (check.parse(token).getSubject() == null) {
                    throw new IllegalStateException("a checked token without its subject");
                }
            }
            double checkMicros = (threads.getCurrentThreadCpuTime() - start) / 1e3 / tokens;
            double verifyMicros = verify.measure(0, tokens).clientPerOp();
            if (round >= warmupRounds) {
                checks.add(checkMicros);
                verifies.add(verifyMicros);
            }
        }
        double checkMedian = Medians.of(checks);
        double verifyMedian = Medians.of(verifies);
        Table table = new Table("step", "µs per token (median)", "min", "max");
        table.row("the services' token check (TrustedIssuers)", format(checkMedian), format(Medians.min(checks)),
                format(Medians.max(checks)));
        table.row("RS256 verify alone (JDK Signature)", format(verifyMedian), format(Medians.min(verifies)),
                format(Medians.max(verifies)));
        table.row("beyond the verify (parse, claims, principal)", format(checkMedian - verifyMedian), "", "");
        System.out.println(table.render());
        System.out.printf(Locale.ROOT, "TOKEN_CHECK check_us=%.1f rs256_us=%.1f beyond_us=%.1f share_beyond=%.2f%n",
                checkMedian, verifyMedian, checkMedian - verifyMedian, (checkMedian - verifyMedian) / checkMedian);
        return 0;
    }

    /** The check ingest makes of a dev issuer's token, that issuer's key being {@code key}. */
    static TrustedIssuers servicesCheck(PublicKey key) {
        return TrustedIssuers.fromConfig(devIssuer(key), devIssuerOnly());
    }

    private static JWTAuthContextInfo devIssuer(PublicKey key) {
        JWTAuthContextInfo context = new JWTAuthContextInfo(key, POLICY.issuer());
        context.setExpectedAudience(Set.of(POLICY.audience()));
        context.setMaxTimeToLiveSecs(POLICY.maxTtl().toSeconds());
        context.setRequiredClaims(REQUIRED_CLAIMS);
        context.setClockSkew(CLOCK_SKEW_SECONDS);
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        return context;
    }

    /** The stack's local setting: the dev issuer trusted, no OpenID Connect provider. */
    private static Config devIssuerOnly() {
        String identity = "votes.identity.";
        Map<String, String> properties = Map.of(identity + "dev-issuer.trusted", "true",
                identity + "oidc.audience", "ingest", identity + "oidc.roles-path", "realm_access/roles",
                identity + "jwks.refresh-interval", Duration.ofMinutes(5).toString(),
                identity + "jwks.unknown-kid-gap", Duration.ofSeconds(10).toString(),
                identity + "jwks.unknown-kid-wait", Duration.ofSeconds(5).toString(),
                identity + "jwks.fetch-timeout", Duration.ofSeconds(2).toString());
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "token-check-work", 100))
                .build();
    }

    private static String format(double micros) {
        return String.format(Locale.ROOT, "%.1f", micros);
    }
}
