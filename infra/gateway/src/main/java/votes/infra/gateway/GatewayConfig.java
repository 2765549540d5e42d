package votes.infra.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import votes.infra.gateway.client.ClientLimits;
import votes.infra.gateway.edge.PageHeaders;
import votes.infra.gateway.edge.TrustedProxies;
import votes.infra.gateway.stream.RelaySettings;
import votes.infra.gateway.tls.TlsSettings;
import votes.kit.knob.EnvKnobs;
import votes.kit.log.AccessLogSample;

/**
 * The gateway's plain HTTP port (local use), where each upstream lives (HTTP_PORT, INGEST_URL, LEDGER_URL,
 * REALTIME_URL), the OpenID Connect issuer its pages sign in at (OIDC_ISSUER, for their CSP), its HTTPS port when
 * it has a certificate ({@link TlsSettings}) and its GATEWAY_* knobs. Every default below says what it trades; durations read like 250ms, 10s, 5m.
 */
public record GatewayConfig(int port, String host, Map<Upstream, URI> upstreams, int eventLoops, UpstreamPools pools,
                            ClientLimits clients, RelaySettings streams, TrustedProxies trustedProxies,
                            Optional<TlsSettings> tls, AccessLogSample accessLog, PageHeaders pageHeaders) {

    /**
     * The address the gateway listens on. Loopback by default: on a developer's machine nothing else may reach it.
     * In a Kubernetes pod it must be 0.0.0.0 (k8s/), or neither the Service nor the kubelet's probes reach it.
     */
    static final String HOST = "GATEWAY_HOST";
    static final String DEFAULT_HOST = "127.0.0.1";
    /**
     * Event loops serving clients. More spreads 10,000 viewers' writes over more cores; past the core count it only
     * adds threads that take turns on the same cores.
     */
    static final String EVENT_LOOPS = "GATEWAY_EVENT_LOOPS";
    /**
     * Pooled connections per upstream, for request/response traffic only (streams have their own). It must stay above
     * what the services themselves admit (ingest: VOTE_MAX_CONCURRENT_PER_LOOP x event loops, 128 on 2 cores), so
     * that under overload the service sheds with its own 503 overloaded at once instead of the gateway queueing: at
     * 128 the fault suite's overload (1,200 votes/s) never reached ingest's bound and waited 14 s here (p99). More
     * costs descriptors and lets a stalled upstream hold more requests. Split evenly over the event loops, each of which
     * has pools of its own (Gateway: a request stays on its loop); at the default each loop's 256 still covers 128.
     */
    static final String POOL_SIZE = "GATEWAY_UPSTREAM_POOL_SIZE";
    static final int DEFAULT_POOL_SIZE = 512;
    /**
     * Requests waiting for a pooled connection, per upstream; beyond it the gateway answers 503 at once (shed,
     * don't queue). Larger rides out longer bursts, at the price of latency for everyone queued. Split over the event
     * loops like the pool.
     */
    static final String WAIT_QUEUE = "GATEWAY_UPSTREAM_WAIT_QUEUE";
    static final int DEFAULT_WAIT_QUEUE = 128;
    /**
     * Client connections at once, all clients together; beyond it new connections are closed unread. It guards the
     * descriptor budget: 20,000 per process here, minus upstream pools (3 × pool size), subscriptions
     * (GATEWAY_SSE_MAX_POLLS) and the JVM's own files. Higher risks "too many open files" under a flood, which
     * hurts everyone; lower turns viewers away sooner.
     */
    static final String MAX_CONNECTIONS = "GATEWAY_MAX_CONNECTIONS";
    static final int DEFAULT_MAX_CONNECTIONS = 16_000;
    /**
     * Connections at once from one client address (the TCP peer). A browser uses up to 6; an office or venue NAT
     * puts many viewers behind one address, so the cap is generous: lower protects the budget above from one
     * host, higher lets bigger crowds share an address. Over it: 429 problem+json, then the connection closes.
     */
    static final String MAX_PER_CLIENT = "GATEWAY_MAX_CONNECTIONS_PER_CLIENT";
    static final int DEFAULT_MAX_PER_CLIENT = 128;
    /**
     * A client connection with no byte either way for this long is closed: idle keep-alive sockets, half-open
     * peers and slow-header clients give their descriptor back. Streams stay open because the gateway writes a
     * heartbeat more often (must be longer than GATEWAY_SSE_HEARTBEAT). Shorter frees descriptors sooner and
     * makes clients reconnect more often.
     */
    static final String IDLE_TIMEOUT = "GATEWAY_IDLE_TIMEOUT";
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** At most one log line per interval about refused clients (the counters at /q/metrics have them all). */
    static final String REFUSAL_LOG_INTERVAL = "GATEWAY_REFUSAL_LOG_INTERVAL";
    static final Duration DEFAULT_REFUSAL_LOG_INTERVAL = Duration.ofSeconds(10);
    /** A comment to every viewer this often: the API promises one at least every 15 s; more often costs writes. */
    static final String SSE_HEARTBEAT = "GATEWAY_SSE_HEARTBEAT";
    static final Duration DEFAULT_SSE_HEARTBEAT = Duration.ofSeconds(10);
    /** The retry: viewers get first, as realtime's: how soon a browser comes back after a drop. */
    static final String SSE_RETRY = "GATEWAY_SSE_RETRY";
    static final Duration DEFAULT_SSE_RETRY = Duration.ofSeconds(2);
    /**
     * No byte from realtime on a subscription for this long: it is dead, reconnect. realtime sends a comment every
     * 10 s; shorter than that would cut healthy streams, longer keeps viewers on a dead one longer.
     */
    static final String SSE_UPSTREAM_IDLE = "GATEWAY_SSE_UPSTREAM_IDLE_TIMEOUT";
    static final Duration DEFAULT_SSE_UPSTREAM_IDLE = Duration.ofSeconds(30);
    /**
     * First and longest wait between attempts to reach realtime again (doubling, with jitter). Shorter min: viewers
     * see a restarted realtime's events sooner; longer max: a long outage costs fewer refused attempts.
     */
    static final String SSE_RECONNECT_MIN = "GATEWAY_SSE_RECONNECT_MIN";
    static final Duration DEFAULT_SSE_RECONNECT_MIN = Duration.ofMillis(250);
    static final String SSE_RECONNECT_MAX = "GATEWAY_SSE_RECONNECT_MAX";
    static final Duration DEFAULT_SSE_RECONNECT_MAX = Duration.ofSeconds(5);
    /**
     * How long a poll's subscription outlives its last viewer: a page reload or a browser's retry within it finds
     * the cached state and costs realtime nothing; longer keeps idle upstream connections.
     */
    static final String SSE_GRACE = "GATEWAY_SSE_GRACE";
    static final Duration DEFAULT_SSE_GRACE = Duration.ofSeconds(10);
    /**
     * Subscriptions (polls watched through this gateway) at once, one connection to realtime each. Beyond it a
     * viewer of yet another poll gets 503. Bounds what a client asking for thousands of poll ids can cost.
     */
    static final String SSE_MAX_POLLS = "GATEWAY_SSE_MAX_POLLS";
    static final int DEFAULT_SSE_MAX_POLLS = 1_000;

    /**
     * Proxies in front of the gateway whose X-Forwarded-For it believes: addresses or CIDR blocks, comma-separated.
     * Empty (the default): the client is always the TCP peer, whatever it claims. Listing a proxy lets it name the
     * client, so list only ones that overwrite or append to that header themselves; a wrong entry lets anyone
     * behind it choose the address rate limits see.
     */
    static final String TRUSTED_PROXIES = "GATEWAY_TRUSTED_PROXIES";

    public GatewayConfig {
        if (streams.heartbeat().compareTo(clients.idleTimeout()) >= 0) {
            throw new IllegalArgumentException(SSE_HEARTBEAT + " (" + streams.heartbeat() + ") must be shorter than "
                    + IDLE_TIMEOUT + " (" + clients.idleTimeout() + "), or viewers would be cut as idle");
        }
        if (eventLoops < 1) {
            throw new IllegalArgumentException(EVENT_LOOPS + " must be at least 1, got " + eventLoops);
        }
    }

    public static GatewayConfig fromEnv(Map<String, String> env) {
        Map<Upstream, URI> upstreams = new EnumMap<>(Upstream.class);
        upstreams.put(Upstream.INGEST, URI.create(env.getOrDefault("INGEST_URL", "http://127.0.0.1:8081")));
        upstreams.put(Upstream.LEDGER, URI.create(env.getOrDefault("LEDGER_URL", "http://127.0.0.1:8082")));
        upstreams.put(Upstream.REALTIME, URI.create(env.getOrDefault("REALTIME_URL", "http://127.0.0.1:8083")));
        EnvKnobs s = new EnvKnobs(env);
        return new GatewayConfig(s.integer("HTTP_PORT", 8080), env.getOrDefault(HOST, DEFAULT_HOST), upstreams,
                s.integer(EVENT_LOOPS, Runtime.getRuntime().availableProcessors()),
                new UpstreamPools(s.integer(POOL_SIZE, DEFAULT_POOL_SIZE), s.integer(WAIT_QUEUE, DEFAULT_WAIT_QUEUE)),
                new ClientLimits(s.integer(MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS),
                        s.integer(MAX_PER_CLIENT, DEFAULT_MAX_PER_CLIENT),
                        s.duration(IDLE_TIMEOUT, DEFAULT_IDLE_TIMEOUT),
                        s.duration(REFUSAL_LOG_INTERVAL, DEFAULT_REFUSAL_LOG_INTERVAL)),
                RelaySettings.of(s.duration(SSE_HEARTBEAT, DEFAULT_SSE_HEARTBEAT), s.duration(SSE_RETRY, DEFAULT_SSE_RETRY),
                        s.duration(SSE_UPSTREAM_IDLE, DEFAULT_SSE_UPSTREAM_IDLE),
                        s.duration(SSE_RECONNECT_MIN, DEFAULT_SSE_RECONNECT_MIN),
                        s.duration(SSE_RECONNECT_MAX, DEFAULT_SSE_RECONNECT_MAX),
                        s.duration(SSE_GRACE, DEFAULT_SSE_GRACE), s.integer(SSE_MAX_POLLS, DEFAULT_SSE_MAX_POLLS)),
                TrustedProxies.parse(env.get(TRUSTED_PROXIES)), TlsSettings.fromEnv(env),
                // Share of requests with an access-log line, the services' knob (VOTE_ACCESS_LOG_SAMPLE, 1.0 = all):
                // a load test sets it low, or writing lines is part of what it measures.
                AccessLogSample.parse(env.get(AccessLogSample.ENV)),
                PageHeaders.forIssuer(Optional.ofNullable(env.get(PageHeaders.ISSUER))));
    }

    /** The stack's wiring (ports); GATEWAY_* knobs come from the caller's environment, which the process inherits. */
    public static Map<String, String> env(int port, int ingest, int ledger, int realtime) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HTTP_PORT", Integer.toString(port));
        env.put("INGEST_URL", "http://127.0.0.1:" + ingest);
        env.put("LEDGER_URL", "http://127.0.0.1:" + ledger);
        env.put("REALTIME_URL", "http://127.0.0.1:" + realtime);
        return env;
    }

    /** Descriptors the configuration may hold at once beyond the JVM's own: what the open-files limit must cover. */
    public long descriptorBudget() {
        return (long) clients.maxConnections() + streams.maxPolls() + (long) upstreams.size() * pools.size();
    }

    /** Pooled connections and their wait queue, per upstream, for request/response traffic. */
    public record UpstreamPools(int size, int waitQueue) {

        public UpstreamPools {
            if (size < 1 || waitQueue < 0) {
                throw new IllegalArgumentException("need " + POOL_SIZE + " >= 1 and " + WAIT_QUEUE + " >= 0, got "
                        + size + " and " + waitQueue);
            }
        }

        /** One event loop's share when each of {@code loops} loops has its own pools (rounded up: never below 1). */
        public UpstreamPools perLoop(int loops) {
            return new UpstreamPools(ceilDiv(size, loops), ceilDiv(waitQueue, loops));
        }

        private static int ceilDiv(int total, int parts) {
            return (total + parts - 1) / parts;
        }
    }
}
