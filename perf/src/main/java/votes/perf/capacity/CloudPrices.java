package votes.perf.capacity;

/**
 * Price assumptions (USD, on-demand, one region), not quotes: replace them with the account's own before spending
 * money on the figures. Per node hour; transfer per GB.
 *
 * @param perVcpuHour      compute for the stateless tiers (a 16-vCPU compute-optimised node's price / 16)
 * @param storageNodeHour  a 16-vCPU node with local NVMe, for a Kafka broker or a PostgreSQL instance
 * @param memoryNodeHour   an 8-vCPU, 64 GB node, for Redis
 * @param crossZonePerGb   traffic between zones, both directions together
 * @param egressPerGb      traffic to the internet (SSE frames, 202s)
 */
public record CloudPrices(double perVcpuHour, double storageNodeHour, double memoryNodeHour, double crossZonePerGb,
                          double egressPerGb) {

    /** c7i.4xlarge 0.714/16, i4i.4xlarge 1.373, r7i.2xlarge 0.529, 0.01 + 0.01 between zones, 0.05 egress (volume tier). */
    public static final CloudPrices ASSUMED = new CloudPrices(0.714 / 16, 1.373, 0.529, 0.02, 0.05);
}
