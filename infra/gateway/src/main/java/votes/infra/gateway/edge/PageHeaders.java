package votes.infra.gateway.edge;

import io.vertx.core.MultiMap;

/**
 * Security headers on every answer of the one origin, pages or not (an API answer carries them at no cost, and
 * no page can be left without them): scripts, styles and connections only from this origin and never inline,
 * no framing, no MIME sniffing, no Referer leaving the pages (a results or vote URL names the poll). They replace
 * whatever an upstream sent, so the policy lives in one place.
 */
public final class PageHeaders {

    /**
     * {@code img-src data:} is for the pages' empty {@code data:,} favicon; everything else is same-origin only, no
     * plugins, no {@code <base>} rewriting, forms post only here.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private PageHeaders() {
    }

    public static void apply(MultiMap headers) {
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
    }
}
