package votes.kit.problem;

/**
 * The closed set of errors the HTTP API answers with. Each has a stable slug: clients switch on the
 * {@code type} URI, never on the human text.
 */
public enum ProblemType {
    MALFORMED_REQUEST(400, "malformed-request", "The request is malformed"),
    UNAUTHENTICATED(401, "unauthenticated", "Authentication required"),
    // Issue 13: the token's session ended (logout) or the token itself was revoked before its exp.
    TOKEN_REVOKED(401, "token-revoked", "The token was revoked"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    CHALLENGE_REQUIRED(403, "challenge-required", "Proof of work required"),
    NOT_FOUND(404, "not-found", "No such resource"),
    POLL_NOT_FOUND(404, "poll-not-found", "No such poll"),
    RECEIPT_NOT_FOUND(404, "receipt-not-found", "No such receipt"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Cannot produce an acceptable representation"),
    DUPLICATE_VOTE(409, "duplicate-vote", "This voter already voted in this poll"),
    // Fraud review (issue 11): a flag is decided once, and a void must land before its poll is final.
    ALREADY_REVIEWED(409, "already-reviewed", "The flag was already reviewed"),
    POLL_CLOSED(409, "poll-closed", "The poll is closed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    // The gateway's HTTP parser refuses these before any service sees the request.
    URI_TOO_LONG(414, "uri-too-long", "The request line is too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "The request body must be application/json"),
    UNKNOWN_OPTION(422, "unknown-option", "The option is not on this poll"),
    POLL_NOT_OPEN(422, "poll-not-open", "The poll is not open"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    HEADERS_TOO_LARGE(431, "headers-too-large", "The request headers are too large"),
    INTERNAL_ERROR(500, "internal-error", "Internal error"),
    BAD_GATEWAY(502, "bad-gateway", "The upstream service is unavailable"),
    // Shed before doing the work (bounded concurrency, a full append queue, a passed deadline): retry later.
    OVERLOADED(503, "overloaded", "Too busy to take the request now"),
    UNAVAILABLE(503, "unavailable", "Temporarily unavailable");

    public static final String TYPE_BASE = "https://votes.dev/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return TYPE_BASE + slug;
    }

    /** The generic type for an HTTP status, for errors raised outside our code (routing, content negotiation). */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 431 -> HEADERS_TOO_LARGE;
            case 502 -> BAD_GATEWAY;
            case 503 -> UNAVAILABLE;
            default -> INTERNAL_ERROR;
        };
    }
}
