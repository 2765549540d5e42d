package votes.perf.capacity;

import java.util.List;
import votes.perf.report.Table;

/** Dollars per hour of the sized fleet at the design peak, and per million votes while it runs full. */
final class Costs {

    /** Tiers that run as pods on compute nodes (priced per vCPU); the stores are priced per node below. */
    static final List<String> STATELESS = List.of("gateway", "ingest", "ledger", "cdc-relay", "projections", "realtime");
    /** CloudNativePG instances per shard (a primary, two standbys: quorum synchronous). */
    static final int PG_INSTANCES = 3;
    /** Usable memory of a 64 GB Redis node (the rest: fragmentation, replication buffers, fork). */
    static final double REDIS_USABLE_GB = 45;

    private Costs() {
    }

    static String table(List<TierSizing> sized, double peak, CloudPrices prices, EventSizes sizes) {
        Table t = new Table("item", "units", "USD/hour", "USD per million votes");
        double votesPerHour = peak * 3600;
        double total = 0;
        double cores = sized.stream().filter(s -> STATELESS.contains(s.tier().name())).mapToInt(TierSizing::cores).sum();
        total += row(t, "stateless pods (vCPU)", cores, cores * prices.perVcpuHour(), votesPerHour);
        int brokers = roundUpTo3(pods(sized, "kafka") * StoresReport.REPLICATION);
        total += row(t, "Kafka brokers (16 vCPU, NVMe; CPU × RF 3)", brokers, brokers * prices.storageNodeHour(),
                votesPerHour);
        int shards = StoresReport.shardsFor(CapacityModel.TEST, Measured.PG_WRITER_QUIET);
        total += row(t, "PostgreSQL instances (" + shards + " shards × " + PG_INSTANCES + ")", shards * PG_INSTANCES,
                shards * PG_INSTANCES * prices.storageNodeHour(), votesPerHour);
        int redisNodes = 2 * Math.max(pods(sized, "redis") / 8 + 1, (int) Math.ceil(redisGb(sizes) / REDIS_USABLE_GB));
        total += row(t, "Redis nodes (64 GB, primary + replica)", redisNodes, redisNodes * prices.memoryNodeHour(),
                votesPerHour);
        double crossGb = crossZoneBytes(sizes) * votesPerHour / 1e9;
        total += row(t, "cross-zone traffic (GB)", crossGb, crossGb * prices.crossZonePerGb(), votesPerHour);
        double egressGb = egressBytes(sizes) * votesPerHour / 1e9;
        total += row(t, "internet egress, 202s only (GB)", egressGb, egressGb * prices.egressPerGb(), votesPerHour);
        t.row("total (SSE egress not included)", "", total, total / votesPerHour * 1e6);
        return t.render();
    }

    /** One poll per voter in the TTL, the plan's case; StoresReport.redis shows three. */
    static double redisGb(EventSizes sizes) {
        return 300e6 * StoresReport.redisBytesPerVote(sizes) / 1e9;
    }

    /** Bytes of a vote crossing zones, over every internal hop. */
    static double crossZoneBytes(EventSizes sizes) {
        return EdgeReport.hops(sizes).stream().mapToDouble(h -> h.bytes() * h.crossZone()).sum();
    }

    /** Bytes of a vote sent to the internet (the 202). */
    static double egressBytes(EventSizes sizes) {
        return EdgeReport.hops(sizes).stream().filter(h -> h.internet() == EdgeReport.Internet.OUT)
                .mapToDouble(EdgeReport.Hop::bytes).sum();
    }

    private static int pods(List<TierSizing> sized, String name) {
        return sized.stream().filter(s -> s.tier().name().equals(name)).findFirst().orElseThrow().pods();
    }

    private static int roundUpTo3(int n) {
        return (n + 2) / 3 * 3;
    }

    private static double row(Table t, String item, double units, double usdPerHour, double votesPerHour) {
        t.row(item, units, usdPerHour, usdPerHour / votesPerHour * 1e6);
        return usdPerHour;
    }
}
