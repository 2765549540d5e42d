package votes.perf.capacity;

import java.util.List;
import votes.perf.report.Table;

/** SSE fan-out nodes for N viewers and the bytes a vote moves, from the measured fan-out and the real payloads. */
final class EdgeReport {

    /** Options of the poll the frames describe: a typical ballot. */
    static final int OPTIONS = 4;
    /** SSE framing around a frame's JSON: "event: tally\nid: <version>\ndata: " and the blank line. */
    static final int SSE_FRAMING = 40;
    /** Each option's share in the frame (Results: ,"percentage":12.3) over the tally's JSON. */
    static final int SHARE_BYTES = 20;
    /** HTTP/1.1 request of a vote: headers (~400 B) and a bearer RS256 token (~900 B); assumed, not measured. */
    static final int VOTE_REQUEST_BYTES = 1_300;
    /** Headers of the 202 around the receipt body; assumed. */
    static final int VOTE_RESPONSE_HEADERS = 250;
    /** A Redis call's keys, script sha, arguments and answer, beyond the receipts it carries; assumed. */
    static final int REDIS_CALL_BYTES = 200;
    /** A 4-vCPU gateway pod, like the other stateless tiers. */
    static final int POD_CORES = 4;

    private EdgeReport() {
    }

    static void print(EventSizes sizes, double peak) {
        System.out.println("## SSE fan-out (gateway pods of " + POD_CORES + " cores; one upstream per poll per pod)");
        System.out.print(fanOut(sizes));
        System.out.println();
        System.out.println("## Network per vote and at " + (long) peak + " votes/s");
        System.out.print(network(sizes, peak));
        System.out.println();
    }

    static int frameBytes(EventSizes sizes) {
        return sizes.tally(OPTIONS) + OPTIONS * SHARE_BYTES + SSE_FRAMING;
    }

    /** Pods for {@code viewers} at {@code framesPerSecond} each: CPU at 60 %, and no more viewers per core than held. */
    static int fanOutPods(double viewers, int framesPerSecond) {
        double cores = viewers * framesPerSecond * Measured.MICROS_PER_VIEWER_FRAME / 1e6;
        int byCpu = CapacityModel.HEADROOM.pods(cores, POD_CORES);
        int byConnections = (int) Math.ceil(viewers / ((double) Measured.VIEWERS_PER_INSTANCE * POD_CORES));
        return Math.max(byCpu, byConnections);
    }

    static String fanOut(EventSizes sizes) {
        int frame = frameBytes(sizes);
        Table t = new Table("viewers", "frames/s each", "CPU cores", "pods", "egress Gbit/s", "RSS GB (all pods)");
        for (double viewers : new double[] {1e6, 10e6, 30e6}) {
            for (int fps : new int[] {1, Measured.MAX_FRAMES_PER_SECOND}) {
                t.row(String.format("%,.0f", viewers), fps,
                        viewers * fps * Measured.MICROS_PER_VIEWER_FRAME / 1e6, fanOutPods(viewers, fps),
                        viewers * fps * frame * 8 / 1e9, viewers / 10_000 * Measured.RSS_MB_PER_10K_VIEWERS / 1e3);
            }
        }
        t.row("frame bytes", frame, "", "", "", "");
        return t.render();
    }

    /**
     * One hop of a vote's bytes.
     *
     * @param crossZone the share of these bytes that leaves its zone (peers spread over three zones)
     */
    record Hop(String name, double bytes, double crossZone, Internet internet) {
    }

    /** Whether a hop is the internet's, and which way (egress is what clouds charge for). */
    enum Internet { NONE, IN, OUT }

    static List<Hop> hops(EventSizes sizes) {
        double record = StoresReport.recordBytes(sizes);
        double receipt = sizes.acceptedReceipt();
        double other = 2.0 / 3;
        return List.of(
                new Hop("voter → gateway (request)", VOTE_REQUEST_BYTES, 0, Internet.IN),
                new Hop("gateway → voter (202 + receipt)", VOTE_RESPONSE_HEADERS + receipt, 0, Internet.OUT),
                new Hop("gateway ↔ ingest (both ways)", VOTE_REQUEST_BYTES + VOTE_RESPONSE_HEADERS + receipt, other,
                        Internet.NONE),
                new Hop("ingest ↔ Redis (3 calls: keys, args, answers)", REDIS_CALL_BYTES * 3 + 2 * receipt
                        + sizes.pendingReceipt(), other, Internet.NONE),
                new Hop("ingest → broker (leader)", record, other, Internet.NONE),
                new Hop("leader → 2 followers (RF 3)", 2 * record, 1, Internet.NONE),
                new Hop("broker → ledger", record, other, Internet.NONE),
                new Hop("ledger → PostgreSQL (row in a batch)", record, 0, Internet.NONE),
                new Hop("PostgreSQL → 2 standbys (WAL)", 2 * Measured.WAL_BYTES_PER_VOTE, 1, Internet.NONE));
    }

    static String network(EventSizes sizes, double peak) {
        Table t = new Table("hop", "bytes per vote", "MB/s @250k", "share crossing zones");
        for (Hop hop : hops(sizes)) {
            t.row(hop.name(), hop.bytes(), peak * hop.bytes() / 1e6, hop.internet() != Internet.NONE ? "internet"
                    : CapacityModel.percent(hop.crossZone()));
        }
        return t.render();
    }
}
