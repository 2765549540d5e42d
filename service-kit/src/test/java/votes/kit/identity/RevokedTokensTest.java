package votes.kit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** Which deny-list keys a token is looked up under. */
class RevokedTokensTest {

    @Test
    void aProviderTokenIsDeniedByItsSessionOrByItself() {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("u-1");
        claims.setClaim("sid", "s-1");
        claims.setJwtId("t-1");

        assertThat(RevokedTokens.keysOf(new DefaultJWTCallerPrincipal(claims)))
                .containsExactly("token:blacklist:sid:s-1", "token:blacklist:jti:t-1");
    }

    @Test
    void onlyASessionsKeyIsASessionKey() {
        assertThat(RevokedTokens.isSessionKey(RevokedTokens.sessionKey("s-1"))).isTrue();
        assertThat(RevokedTokens.isSessionKey(RevokedTokens.tokenKey("sid:s-1"))).isFalse();
    }

    @Test
    void aTokenWithoutSidOrJtiHasNoKeySoItIsNeverDenied() {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("dev-voter");

        assertThat(RevokedTokens.keysOf(new DefaultJWTCallerPrincipal(claims))).isEmpty();
    }
}
