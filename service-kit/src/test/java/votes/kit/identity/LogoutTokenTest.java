package votes.kit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** The checks of a back-channel logout token's claims that its signature does not make (spec section 2.6). */
class LogoutTokenTest {

    @Test
    void aTokenWithTheEventAndASidNamesTheSessionThatEnded() {
        LogoutToken token = LogoutToken.of(claims(Map.of("sid", "s-1", "sub", "u-1", "events", event())));

        assertThat(token.sid()).contains("s-1");
        assertThat(token.sub()).contains("u-1");
    }

    @Test
    void aSubAloneIsEnoughForTheSpecButASidAloneToo() {
        assertThat(LogoutToken.of(claims(Map.of("sub", "u-1", "events", event()))).sid()).isEmpty();
        assertThat(LogoutToken.of(claims(Map.of("sid", "s-1", "events", event()))).sub()).isEmpty();
    }

    @Test
    void neitherSidNorSubIsRefused() {
        assertThatThrownBy(() -> LogoutToken.of(claims(Map.of("events", event()))))
                .isInstanceOf(LogoutToken.InvalidLogoutToken.class).hasMessageContaining("neither sid nor sub");
    }

    @Test
    void aNonceIsRefusedSoThatAnIdTokenNeverPassesForALogoutToken() {
        assertThatThrownBy(() -> LogoutToken.of(claims(Map.of("sid", "s-1", "nonce", "n", "events", event()))))
                .isInstanceOf(LogoutToken.InvalidLogoutToken.class).hasMessageContaining("nonce");
    }

    @Test
    void eventsThatLackTheBackChannelLogoutEventOrGiveItNoObjectAreRefused() {
        assertThatThrownBy(() -> LogoutToken.of(claims(Map.of("sid", "s-1"))))
                .isInstanceOf(LogoutToken.InvalidLogoutToken.class);
        assertThatThrownBy(() -> LogoutToken.of(claims(Map.of("sid", "s-1", "events", Map.of("other", Map.of())))))
                .isInstanceOf(LogoutToken.InvalidLogoutToken.class);
        assertThatThrownBy(() -> LogoutToken.of(claims(Map.of("sid", "s-1", "events", Map.of(LogoutToken.EVENT, "x")))))
                .isInstanceOf(LogoutToken.InvalidLogoutToken.class);
        assertThatThrownBy(() -> LogoutToken.of(claims(Map.of("sid", "s-1", "events", List.of(LogoutToken.EVENT)))))
                .isInstanceOf(LogoutToken.InvalidLogoutToken.class);
    }

    @Test
    void aSidThatIsNoStringIsRefused() {
        assertThatThrownBy(() -> LogoutToken.of(claims(Map.of("sid", 42, "events", event()))))
                .isInstanceOf(LogoutToken.InvalidLogoutToken.class);
    }

    private static Map<String, Object> event() {
        return Map.of(LogoutToken.EVENT, Map.of());
    }

    private static JwtClaims claims(Map<String, Object> values) {
        JwtClaims claims = new JwtClaims();
        values.forEach(claims::setClaim);
        return claims;
    }
}
