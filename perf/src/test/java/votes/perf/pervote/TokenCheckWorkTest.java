package votes.perf.pervote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.ParseException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import votes.infra.token.TokenMinter;
import votes.infra.token.TokenPolicy;
import votes.kit.identity.TrustedIssuers;

/** The benchmark times the services' real token check: it accepts the stack's tokens and refuses bad ones. */
class TokenCheckWorkTest {

    @Test
    void theTimedCheckAcceptsAStackTokenAndRefusesAForgedAnExpiredAndAnotherAudiencesToken() throws Exception {
        KeyPair stack = keys();
        KeyPair forger = keys();
        TokenPolicy policy = TokenPolicy.defaults();
        TrustedIssuers check = TokenCheckWork.servicesCheck(stack.getPublic());

        assertThat(check.parse(new TokenMinter(stack.getPrivate(), policy).mint("alice", List.of("voter")))
                .getGroups()).containsExactly("voter");
        assertThatThrownBy(() -> check.parse(new TokenMinter(forger.getPrivate(), policy).mint("mallory",
                List.of("voter")))).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> check.parse(new TokenMinter(stack.getPrivate(), policy).mint("bob",
                List.of("voter"), Duration.ofMinutes(-5)))).isInstanceOf(ParseException.class);
        TokenPolicy elsewhere = new TokenPolicy(policy.issuer(), "another-system", policy.maxTtl());
        assertThatThrownBy(() -> check.parse(new TokenMinter(stack.getPrivate(), elsewhere).mint("carol",
                List.of("voter")))).isInstanceOf(ParseException.class);
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
