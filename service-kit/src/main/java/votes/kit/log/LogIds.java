package votes.kit.log;

/**
 * The MDC keys every service's log lines carry when they are known (JSON: under "mdc"). One spelling for all
 * services, so that one query finds a request, a trace or a poll across them. Never a token, a voter's subject or
 * pseudonym: these keys are all an operator may correlate on.
 */
public final class LogIds {

    /** X-Request-Id of the request being served (service-kit's RequestIds puts it). */
    public static final String REQUEST_ID = "request_id";
    /** The poll the work is about, put where the code first knows it (ingest's vote resource, the ledger's batch). */
    public static final String POLL_ID = "poll_id";
    /** OpenTelemetry's ids, renamed from the keys Quarkus puts them under (traceId, spanId) by {@link LogRecordFilter}. */
    public static final String TRACE_ID = "trace_id";
    public static final String SPAN_ID = "span_id";

    private LogIds() {
    }
}
