package votes.infra.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import votes.proofs.checkpoint.Ed25519Keys;
import votes.infra.identity.KeycloakServer;
import votes.infra.kafka.KafkaCluster;
import votes.infra.metrics.PrometheusServer;
import votes.infra.postgres.PostgresServer;
import votes.infra.redis.RedisServer;
import votes.infra.secret.StackSecrets;
import votes.infra.service.GatewayProcess;
import votes.infra.service.ServiceNotBuiltException;
import votes.infra.service.ServiceProcess;
import votes.infra.service.ServiceSpec;
import votes.infra.stack.Component;
import votes.infra.stack.StackSettings;
import votes.infra.stack.Tier;
import votes.infra.token.DevKeys;
import votes.infra.token.TokenMinter;
import votes.infra.trace.ZipkinServer;

/**
 * The whole local stack in start order: Kafka, PostgreSQL, Redis and the dev keys together, (when asked: {@code
 * ./vote up --observability}) the trace backend, the services in their tiers ({@link ServiceSpec#START_TIERS}), the
 * gateway, (with observability) Prometheus; and (when asked: {@code ./vote up} does, the test stacks do not) Keycloak,
 * beside the services from the moment the infrastructure is up. The one place that knows the order; the CLI and the
 * test extensions both drive it.
 */
public final class LocalStack {

    /** Kafka (all its nodes), PostgreSQL, Redis, the dev keys. */
    private static final int INFRASTRUCTURE_STEPS = 4;

    /** Reports each step as it ends: "[2/7] PostgreSQL … up on 127.0.0.1:5433 (0.8 s)". */
    public interface StepListener {
        void step(int index, int total, String label, String outcome, Duration took, boolean ok);
    }

    private final StackSettings settings;
    private final KafkaCluster kafka;
    private final PostgresServer postgres;
    private final RedisServer redis;
    private final List<Component> infrastructure;
    private final List<List<ServiceProcess>> serviceTiers;
    private final List<ServiceProcess> services;
    private final GatewayProcess gateway;
    private final KeycloakServer identity;
    private final ZipkinServer traces;
    private final PrometheusServer metrics;
    private final DevKeys keys;

    public LocalStack(StackSettings settings, Consumer<String> notes) {
        this.settings = settings;
        this.kafka = new KafkaCluster(settings);
        this.postgres = new PostgresServer(settings, notes);
        this.redis = new RedisServer(settings);
        List<Component> infrastructure = new ArrayList<>(kafka.nodes());
        infrastructure.add(postgres);
        infrastructure.add(redis);
        this.infrastructure = List.copyOf(infrastructure);
        this.serviceTiers = ServiceSpec.START_TIERS.stream().map(tier -> tier.stream()
                .filter(spec -> spec.isPresent(settings.repoRoot())).map(spec -> new ServiceProcess(settings, spec))
                .toList()).filter(tier -> !tier.isEmpty()).toList();
        this.services = serviceTiers.stream().flatMap(List::stream).toList();
        this.gateway = new GatewayProcess(settings);
        this.identity = new KeycloakServer(settings);
        this.traces = new ZipkinServer(settings);
        this.metrics = new PrometheusServer(settings);
        this.keys = DevKeys.in(settings.keysDir());
    }

    public StackSettings settings() {
        return settings;
    }

    /** Every Kafka node, PostgreSQL and Redis: one component each. */
    public List<Component> infrastructure() {
        return infrastructure;
    }

    /** Kafka's nodes as one start step (they need each other to come up) plus the topics of the contract. */
    public KafkaCluster kafka() {
        return kafka;
    }

    public List<ServiceProcess> services() {
        return services;
    }

    public GatewayProcess gateway() {
        return gateway;
    }

    /** The OpenID Connect provider (Keycloak, realm votes): started only by {@link #up(StepListener, boolean, boolean, boolean)}. */
    public KeycloakServer identity() {
        return identity;
    }

    /** Start order; {@link #stopAll()} goes backwards. */
    public List<Component> all() {
        List<Component> all = new ArrayList<>(infrastructure);
        all.addAll(services);
        all.add(gateway);
        all.add(identity);
        all.add(traces);
        all.add(metrics);
        return List.copyOf(all);
    }

    public Optional<Component> component(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Component require(String name) {
        return component(name).orElseThrow(() -> new IllegalArgumentException("unknown component '" + name
                + "'; one of " + all().stream().map(Component::name).toList()));
    }

    /**
     * The trace backend (Zipkin): started only by {@link #up(StepListener, boolean, boolean, boolean)} with
     * observability, before the services, which trace only while it is up (votes.infra.service.ServiceEnv).
     */
    public ZipkinServer traces() {
        return traces;
    }

    /**
     * The metrics backend (Prometheus): started only by {@link #up(StepListener, boolean, boolean, boolean)} with
     * observability, after the services and the gateway it scrapes (so its first scrapes find them up).
     */
    public PrometheusServer metrics() {
        return metrics;
    }

    public DevKeys keys() {
        keys.ensure();
        return keys;
    }

    /** The JWT pair (RS256) and the ledger's checkpoint pair (Ed25519), each generated once per stack home. */
    private String ensureKeys() {
        boolean jwt = keys.ensure();
        boolean checkpoint = Ed25519Keys.ensure(settings.checkpointPrivateKey(), settings.checkpointPublicKey());
        if (!jwt && !checkpoint) {
            return "kept " + settings.keysDir();
        }
        return "new " + (jwt ? "RSA-2048 JWT" : "") + (jwt && checkpoint ? " and " : "")
                + (checkpoint ? "Ed25519 checkpoint" : "") + " pair in " + settings.keysDir();
    }

    /** This stack's generated credentials and keys, one file each (0600) under {@code .vote/secrets/}. */
    public StackSecrets secrets() {
        return settings.secrets();
    }

    public TokenMinter tokens() {
        return new TokenMinter(keys().privateKey(), settings.jwt());
    }

    /**
     * Kafka, PostgreSQL, Redis and the dev keys, all at once (none needs another to start): what @QuarkusTest needs.
     * Each step is reported as it ends; the first failure is rethrown once all have ended.
     */
    public void startInfrastructure(StepListener listener) {
        int total = INFRASTRUCTURE_STEPS;
        Map<String, Supplier<String>> steps = new LinkedHashMap<>();
        steps.put("kafka", () -> timed(listener, 1, total, "Kafka", kafka::start));
        steps.put(postgres.name(), () -> timed(listener, 2, total, postgres.label(), postgres::start));
        steps.put(redis.name(), () -> timed(listener, 3, total, redis.label(), redis::start));
        steps.put("keys", () -> timed(listener, 4, total, "dev keys", this::ensureKeys));
        Tier.together("start-", steps);
    }

    /**
     * The services, tier after tier, each tier's members together, then the gateway: what the test stacks add to the
     * infrastructure. Fails on the first error (once its tier has ended).
     */
    public void startServices(StepListener listener) {
        int total = services.size() + 1;
        startServices(listener, 0, total, false, new ArrayList<>());
        timed(listener, total, total, gateway.label(), gateway::start);
    }

    /** Reports the services as steps {@code before + 1} … in start order; see {@link #tryStart}. */
    private void startServices(StepListener listener, int before, int total, boolean keepGoing, List<String> down) {
        int index = before;
        for (List<ServiceProcess> tier : serviceTiers) {
            Map<String, Supplier<String>> steps = new LinkedHashMap<>();
            for (ServiceProcess service : tier) {
                int position = ++index;
                steps.put(service.name(), () -> tryStart(service, listener, position, total, keepGoing, down));
            }
            Tier.together("start-", steps);
        }
    }

    /**
     * Everything. Infrastructure failures stop the start; a service that is not built or does not come up
     * is reported and skipped when {@code keepGoing} (the CLI, so the rest of the stack is still usable).
     *
     * @return the names of the services that are not running.
     */
    public List<String> up(StepListener listener, boolean keepGoing) {
        return up(listener, keepGoing, false, false);
    }

    /**
     * As {@link #up(StepListener, boolean)}, and Keycloak when {@code withIdentity}: beside the services (no service
     * needs it to start, and it is the slowest to start; the test stacks leave it out, a test that needs it starts
     * {@link #identity()}), reported as the last step; with observability, the trace backend before the services and
     * Prometheus after the gateway.
     */
    public List<String> up(StepListener listener, boolean keepGoing, boolean withIdentity, boolean withObservability) {
        int total = INFRASTRUCTURE_STEPS + services.size() + 1 + (withIdentity ? 1 : 0) + (withObservability ? 2 : 0);
        startInfrastructure((i, ignored, label, outcome, took, ok) -> listener.step(i, total, label, outcome,
                took, ok));
        int index = INFRASTRUCTURE_STEPS;
        List<String> down = Collections.synchronizedList(new ArrayList<>());
        Map<String, Supplier<String>> rest = new LinkedHashMap<>();
        if (withIdentity) {
            rest.put(identity.name(), () -> tryStart(identity, listener, total, total, keepGoing, down));
        }
        int before = index;
        rest.put("services", () -> {
            int step = before;
            if (withObservability) {
                tryStart(traces, listener, ++step, total, keepGoing, down);
            }
            startServices(listener, step, total, keepGoing, down);
            step += services.size();
            timed(listener, ++step, total, gateway.label(), gateway::start);
            if (withObservability) {
                tryStart(metrics, listener, ++step, total, keepGoing, down);
            }
            return "";
        });
        Tier.together("up-", rest);
        return List.copyOf(down);
    }

    /**
     * Starts one component; when {@code keepGoing}, a failure (already reported as its step) is noted in {@code down}.
     *
     * @return what the start did, or null when it failed and {@code keepGoing}
     */
    private static String tryStart(Component component, StepListener listener, int index, int total, boolean keepGoing,
                                   List<String> down) {
        try {
            return timed(listener, index, total, component.label(), component::start);
        } catch (RuntimeException e) {
            if (!keepGoing) {
                throw e;
            }
            down.add(component.name());
            return null;
        }
    }

    /**
     * Services, gateway and Keycloak first (they flush to Kafka and PostgreSQL), then the infrastructure; each tier in
     * parallel.
     */
    public void stopAll() {
        List<Component> front = new ArrayList<>(services);
        front.add(gateway);
        front.add(identity);
        front.add(traces);
        front.add(metrics);
        new Tier(front).stop();
        new Tier(infrastructure).stop();
    }

    private static String timed(StepListener listener, int index, int total, String label, Supplier<String> step) {
        long start = System.nanoTime();
        try {
            String outcome = step.get();
            listener.step(index, total, label, outcome, Duration.ofNanos(System.nanoTime() - start), true);
            return outcome;
        } catch (ServiceNotBuiltException e) {
            listener.step(index, total, label, e.getMessage(), Duration.ofNanos(System.nanoTime() - start), false);
            throw e;
        } catch (RuntimeException e) {
            listener.step(index, total, label, "FAILED: " + e.getMessage(), Duration.ofNanos(System.nanoTime() - start),
                    false);
            throw e;
        }
    }
}
