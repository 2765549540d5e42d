package votes.kit.identity;

import java.util.Map;
import java.util.Optional;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * What a verified back-channel logout token says (OpenID Connect Back-Channel Logout 1.0, section 2.4): the session
 * that ended ({@code sid}) and/or its user ({@code sub}). {@link #of} makes the checks the signature cannot: the
 * {@code events} claim names the back-channel logout event with a JSON object, there is no {@code nonce} (a logout
 * token must never pass for an ID token, nor the reverse), and at least one of {@code sid} and {@code sub} is there.
 */
public record LogoutToken(Optional<String> sid, Optional<String> sub) {

    public static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    /** @throws InvalidLogoutToken when a claim the spec requires is missing or one it forbids is present */
    public static LogoutToken of(JwtClaims claims) {
        if (claims.hasClaim("nonce")) {
            throw new InvalidLogoutToken("a logout token carries no nonce");
        }
        if (!(claims.getClaimValue("events") instanceof Map<?, ?> events) || !(events.get(EVENT) instanceof Map)) {
            throw new InvalidLogoutToken("events does not name " + EVENT + " with a JSON object");
        }
        try {
            LogoutToken token = new LogoutToken(text(claims.getStringClaimValue(RevokedTokens.SID)),
                    text(claims.getSubject()));
            if (token.sid().isEmpty() && token.sub().isEmpty()) {
                throw new InvalidLogoutToken("neither sid nor sub");
            }
            return token;
        } catch (MalformedClaimException e) {
            throw new InvalidLogoutToken("sid or sub is not a string");
        }
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).filter(s -> !s.isBlank());
    }

    /** A logout token that fails a check: the endpoint answers 400 and denies nothing. */
    public static final class InvalidLogoutToken extends RuntimeException {
        public InvalidLogoutToken(String message) {
            super(message);
        }
    }
}
