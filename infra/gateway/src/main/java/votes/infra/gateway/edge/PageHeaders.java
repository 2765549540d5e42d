package votes.infra.gateway.edge;

import io.vertx.core.MultiMap;
import java.net.URI;
import java.util.Optional;

/**
 * Security headers on every answer of the one origin, pages or not (an API answer carries them at no cost, and
 * no page can be left without them): scripts, styles and connections only from this origin and never inline,
 * no framing, no MIME sniffing, no Referer leaving the pages (a results or vote URL names the poll). They replace
 * whatever an upstream sent, so the policy lives in one place.
 */
public final class PageHeaders {

    /**
     * The OpenID Connect issuer the pages sign in at (the stack's Keycloak realm, realtime's {@code /identity.json}
     * names the same one). Its origin, and only it, is added to {@code connect-src}: the pages read its discovery
     * document and trade their code for tokens there. Unset: no origin but this one.
     */
    public static final String ISSUER = "OIDC_ISSUER";

    /**
     * {@code img-src data:} is for the pages' empty {@code data:,} favicon; everything else is same-origin only, no
     * plugins, no {@code <base>} rewriting, forms post only here. Sign-in and sign-out are navigations (not limited
     * by CSP), so the issuer needs no place beyond {@code connect-src}.
     */
    static final String CONTENT_SECURITY_POLICY = policy("'self'");

    private final String contentSecurityPolicy;

    private PageHeaders(String contentSecurityPolicy) {
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    /** The headers for a gateway whose pages sign in at {@code issuer} (an absolute URL), or nowhere when empty. */
    public static PageHeaders forIssuer(Optional<String> issuer) {
        return new PageHeaders(issuer.filter(s -> !s.isBlank())
                .map(PageHeaders::origin)
                .map(origin -> policy("'self' " + origin))
                .orElse(CONTENT_SECURITY_POLICY));
    }

    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    public void apply(MultiMap headers) {
        headers.set("Content-Security-Policy", contentSecurityPolicy);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
    }

    private static String policy(String connectSources) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src "
                + connectSources + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /** scheme://host[:port] of an absolute URL; anything else is a configuration error, said at start. */
    static String origin(String url) {
        URI uri = URI.create(url.trim());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException(ISSUER + " must be an absolute URL, got " + url);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
