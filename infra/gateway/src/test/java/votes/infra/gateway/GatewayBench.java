package votes.infra.gateway;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import votes.infra.stack.StackPorts;

/**
 * The real gateway in this JVM in front of a {@link FakeRealtime} (and its fake ingest); the ledger's port has
 * nothing behind it. One per test class: register it as a static {@code @RegisterExtension} field; it starts before
 * the class's {@code @BeforeAll} methods and stops after its tests.
 */
public final class GatewayBench implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> knobs;
    private FakeRealtime realtime;
    private RunningGateway gateway;
    private int realtimePort;
    private int ingestPort;

    /** @param knobs GATEWAY_* variables for the gateway */
    public GatewayBench(Map<String, String> knobs) {
        this.knobs = knobs;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        // Both bind only once both are chosen: two different ports, or the two fakes would share one.
        List<Integer> ports = StackPorts.freePorts(2, Set.of());
        realtimePort = ports.get(0);
        ingestPort = ports.get(1);
        realtime = FakeRealtime.start(realtimePort, ingestPort);
        gateway = anotherGateway(knobs);
    }

    public FakeRealtime realtime() {
        return realtime;
    }

    public RunningGateway gateway() {
        return gateway;
    }

    /** A second gateway in front of the same upstreams, configured otherwise; the caller closes it. */
    public RunningGateway anotherGateway(Map<String, String> knobs) throws Exception {
        return RunningGateway.start(ingestPort, RunningGateway.freePort(), realtimePort, knobs);
    }

    /** Runs even when {@link #beforeAll} failed half way: stops what did start. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (gateway != null) {
            gateway.close();
        }
        if (realtime != null) {
            realtime.close();
        }
    }
}
