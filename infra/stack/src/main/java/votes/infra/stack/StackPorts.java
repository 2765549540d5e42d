package votes.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import votes.kit.knob.EnvKnobs;

/**
 * Every port of the local stack, in one place so the CLI, the services' env and the tests agree. {@code gatewayTls}
 * is the gateway's HTTPS port (TLS 1.3 only), next to its plain HTTP {@code gateway} port; {@code keycloak} is the
 * identity provider's (votes.infra.identity); {@code trace} is the trace backend's (votes.infra.trace) and
 * {@code metrics} Prometheus's (votes.infra.metrics), both only with {@code ./vote up --observability}.
 */
public record StackPorts(int gateway, int ingest, int ledger, int realtime, int projections, int relay, int kafka,
                         int kafkaController, int postgres, int redis, int gatewayTls, int keycloak, int trace,
                         int metrics) {

    /** The contract's defaults, each overridable by a VOTE_*_PORT variable. */
    public static StackPorts fromEnv(Map<String, String> env) {
        return new StackPorts(
                port(env, "VOTE_GATEWAY_PORT", 8080),
                port(env, "VOTE_INGEST_PORT", 8081),
                port(env, "VOTE_LEDGER_PORT", 8082),
                port(env, "VOTE_REALTIME_PORT", 8083),
                port(env, "VOTE_PROJECTIONS_PORT", 8084),
                port(env, "VOTE_RELAY_PORT", 8085),
                port(env, "VOTE_KAFKA_PORT", 9092),
                port(env, "VOTE_KAFKA_CONTROLLER_PORT", 9093),
                port(env, "VOTE_PG_PORT", 5433),
                port(env, "VOTE_REDIS_PORT", 6380),
                port(env, "VOTE_GATEWAY_TLS_PORT", 8443),
                port(env, "VOTE_KEYCLOAK_PORT", 8180),
                port(env, "VOTE_TRACE_PORT", 9411),
                port(env, "VOTE_PROMETHEUS_PORT", 9090));
    }

    /**
     * Brokers after the first listen {@value #BROKER_PORT_STEP} ports apart: broker n on kafka + 10·(n-1), its
     * controller on kafkaController + 10·(n-1). One rule, so the CLI, the services' bootstrap list and the tests
     * agree, and the encoded port set below needs no more fields.
     */
    public static final int BROKER_PORT_STEP = 10;
    /** The most brokers a stack may have: every broker's two ports must stay clear of each other. */
    public static final int MAX_BROKERS = 5;

    /** The client port of broker {@code node} (1-based). */
    public int kafka(int node) {
        return kafka + BROKER_PORT_STEP * (node - 1);
    }

    /** The KRaft controller port of node {@code node} (1-based). */
    public int kafkaController(int node) {
        return kafkaController + BROKER_PORT_STEP * (node - 1);
    }

    /**
     * Free ports chosen by the kernel, so parallel test JVMs and a developer's stack never collide. The two Kafka
     * bases are picked so that the ports of all {@link #MAX_BROKERS} brokers are free too, and no other port of the
     * set falls on one of them.
     */
    public static StackPorts ephemeral() {
        Set<Integer> taken = new HashSet<>();
        int kafka = freeBrokerBase(taken);
        int controller = freeBrokerBase(taken);
        return new StackPorts(freePort(taken), freePort(taken), freePort(taken), freePort(taken), freePort(taken),
                freePort(taken), kafka, controller, freePort(taken), freePort(taken), freePort(taken), freePort(taken),
                freePort(taken), freePort(taken));
    }

    private static int freeBrokerBase(Set<Integer> taken) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = freePort();
            List<Integer> ports = java.util.stream.IntStream.range(0, MAX_BROKERS)
                    .mapToObj(n -> base + BROKER_PORT_STEP * n).toList();
            if (ports.get(ports.size() - 1) <= 65535 && ports.stream().noneMatch(taken::contains)
                    && ports.stream().skip(1).allMatch(StackPorts::isFree)) {
                taken.addAll(ports);
                return base;
            }
        }
        throw new IllegalStateException("no free run of " + MAX_BROKERS + " Kafka ports " + BROKER_PORT_STEP + " apart");
    }

    /**
     * {@code count} free ports, different from each other and from {@code taken}: for servers that bind only once all
     * their ports are chosen. Two picks in a row may be the same port (each probe socket closes at once), and two
     * servers of one Vert.x on one port share it, answering in turn: the gateway suite's fake realtime and fake ingest
     * once did, and its streams got the fake ingest's 202s.
     */
    public static List<Integer> freePorts(int count, Set<Integer> taken) {
        Set<Integer> chosen = new HashSet<>(taken);
        List<Integer> ports = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ports.add(freePort(chosen));
        }
        return ports;
    }

    private static int freePort(Set<Integer> taken) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = freePort();
            if (taken.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port outside " + taken);
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A compact text form, to hand a running stack's ports to code that cannot share objects with us. */
    public String encode() {
        return String.join(",", java.util.stream.Stream.of(gateway, ingest, ledger, realtime, projections, relay, kafka,
                kafkaController, postgres, redis, gatewayTls, keycloak, trace, metrics).map(String::valueOf).toList());
    }

    public static StackPorts decode(String encoded) {
        int[] p = java.util.Arrays.stream(encoded.split(",")).mapToInt(Integer::parseInt).toArray();
        if (p.length != 14) {
            throw new IllegalArgumentException("not an encoded port set: " + encoded);
        }
        return new StackPorts(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11], p[12], p[13]);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        return new EnvKnobs(env).integer(name, fallback);
    }
}
