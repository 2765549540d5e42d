package votes.infra.gateway;

import java.util.Map;

/**
 * The real gateway in this JVM in front of a {@link FakeRealtime} (and its fake ingest); the ledger's port has
 * nothing behind it. One per test class.
 */
public final class GatewayBench implements AutoCloseable {

    private final FakeRealtime realtime;
    private final RunningGateway gateway;
    private final int realtimePort;
    private final int ingestPort;

    private GatewayBench(FakeRealtime realtime, RunningGateway gateway, int realtimePort, int ingestPort) {
        this.realtime = realtime;
        this.gateway = gateway;
        this.realtimePort = realtimePort;
        this.ingestPort = ingestPort;
    }

    /** @param knobs GATEWAY_* variables for the gateway */
    public static GatewayBench start(Map<String, String> knobs) throws Exception {
        int realtimePort = RunningGateway.freePort();
        int ingestPort = RunningGateway.freePort();
        FakeRealtime realtime = FakeRealtime.start(realtimePort, ingestPort);
        try {
            return new GatewayBench(realtime, anotherGateway(realtimePort, ingestPort, knobs), realtimePort, ingestPort);
        } catch (Exception e) {
            realtime.close();
            throw e;
        }
    }

    public FakeRealtime realtime() {
        return realtime;
    }

    public RunningGateway gateway() {
        return gateway;
    }

    /** A second gateway in front of the same upstreams, configured otherwise; the caller closes it. */
    public RunningGateway anotherGateway(Map<String, String> knobs) throws Exception {
        return anotherGateway(realtimePort, ingestPort, knobs);
    }

    private static RunningGateway anotherGateway(int realtimePort, int ingestPort, Map<String, String> knobs)
            throws Exception {
        return RunningGateway.start(ingestPort, RunningGateway.freePort(), realtimePort, knobs);
    }

    @Override
    public void close() {
        gateway.close();
        realtime.close();
    }
}
