package votes.kit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** The map lookup of a claim's kind changes nothing a reader sees: every claim reads as smallrye's own principal reads it. */
class VerifiedTokenTest {

    private static final List<String> CUSTOM = List.of("sid", "scope", "azp", "realm_access", "typ", "session_state",
            "no_such_claim", "");

    @Test
    void everyStandardAndCustomClaimReadsAsSmallryesPrincipalReadsIt() {
        JwtClaims claims = keycloakLike();
        DefaultJWTCallerPrincipal smallrye = new DefaultJWTCallerPrincipal("JWT", copy(claims));
        VerifiedToken ours = new VerifiedToken("JWT", copy(claims));

        List<String> names = Stream.concat(Stream.of(Claims.values()).map(Claims::name), CUSTOM.stream()).toList();
        for (String name : names) {
            assertThat(String.valueOf((Object) ours.getClaim(name))).as(name)
                    .isEqualTo(String.valueOf((Object) smallrye.getClaim(name)));
        }
        assertThat(ours.getClaimNames()).isEqualTo(smallrye.getClaimNames());
        assertThat(ours.getGroups()).isEqualTo(smallrye.getGroups());
        assertThat(ours.getAudience()).isEqualTo(smallrye.getAudience());
        assertThat(ours.getName()).isEqualTo(smallrye.getName());
    }

    @Test
    void aClaimTheMicroProfileEnumDoesNotNameIsOfUnknownKindAndAStandardOneOfItsOwn() {
        VerifiedToken token = new VerifiedToken("JWT", keycloakLike());

        assertThat(token.getClaimType("sid")).isEqualTo(Claims.UNKNOWN);
        assertThat(token.getClaimType("exp")).isEqualTo(Claims.exp);
        assertThat(token.getClaimType("preferred_username")).isEqualTo(Claims.preferred_username);
    }

    @Test
    void readingACustomClaimThrowsNothingUnderneathWhereSmallryesPrincipalThrowsOncePerRead() throws Exception {
        DefaultJWTCallerPrincipal smallrye = new DefaultJWTCallerPrincipal("JWT", keycloakLike());
        VerifiedToken ours = new VerifiedToken("JWT", keycloakLike());

        assertThat(exceptionsWhile(() -> smallrye.getClaim("sid"))).as("the control: the recording sees them")
                .isPositive();
        assertThat(exceptionsWhile(() -> ours.getClaim("sid"))).isZero();
    }

    /** Throwables created on this thread while {@code reads} runs 50 times, counted by a JFR recording. */
    private static long exceptionsWhile(Runnable reads) throws Exception {
        Path file = Files.createTempFile("verified-token", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.JavaExceptionThrow");
            recording.start();
            for (int i = 0; i < 50; i++) {
                reads.run();
            }
            recording.stop();
            recording.dump(file);
            long thread = Thread.currentThread().getId();
            return RecordingFile.readAllEvents(file).stream()
                    .filter(event -> event.getThread() != null && event.getThread().getJavaThreadId() == thread)
                    .count();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** iss, sub, aud, exp, iat, jti, groups and the custom claims a provider's access token carries. */
    private static JwtClaims keycloakLike() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("http://127.0.0.1:1/realms/votes");
        claims.setSubject("kc-sub-1");
        claims.setAudience("ingest", "realtime");
        claims.setExpirationTime(NumericDate.fromSeconds(2_000_000_000L));
        claims.setIssuedAt(NumericDate.fromSeconds(1_999_999_000L));
        claims.setJwtId("t-1");
        claims.setStringListClaim("groups", new ArrayList<>(List.of("voter")));
        claims.setClaim("preferred_username", "alice");
        claims.setClaim("sid", "session-1");
        claims.setClaim("scope", "openid profile");
        claims.setClaim("azp", "votes-web");
        claims.setClaim("typ", "Bearer");
        claims.setClaim("session_state", "state-1");
        claims.setClaim("realm_access", Map.of("roles", List.of("voter")));
        return claims;
    }

    /** Each principal gets claims of its own: smallrye rewrites some values in place (its JSON types). */
    private static JwtClaims copy(JwtClaims claims) {
        try {
            return JwtClaims.parse(claims.toJson());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
