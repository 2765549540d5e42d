package votes.perf.capacity;

import votes.perf.report.Table;

/** Kafka, the ledger's PostgreSQL shards and Redis, sized from the event's real bytes and the measured rates. */
final class StoresReport {

    /** RF of every topic in the prod overlay (k8s/README.md, TopicDurability): each byte lands on three brokers. */
    static final int REPLICATION = 3;
    /** Per-record framing in a v2 batch (varint lengths, offsets, timestamp delta, attributes), amortised header. */
    static final int RECORD_FRAMING = 20;
    /** votes.submitted's partitions in the prod overlay (k8s/overlays/prod). */
    static final int PARTITIONS = 48;
    /** ingest's linger.ms (ingest application.properties): how long a batch waits for more records. */
    static final double LINGER_SECONDS = 0.020;
    /** A Redis key's own overhead (dict entry, object header, sds headers, expiry entry, allocator rounding); assumed. */
    static final int REDIS_KEY_OVERHEAD = 90;
    /** Keys live for the voting window's dedupe: ingest's vote.redis.ttl default. */
    static final int TTL_DAYS = 7;
    /** vote.abuse.window: the voter bucket, address/prefix/device logs and arrivals live this long. */
    static final int LIMIT_WINDOW_SECONDS = 60;
    /** rl:{voter}:voter, rl:address:<hash>, rl:device:<hash>, bot:arrivals:<hash> (prefix keys are shared). */
    static final int LIMIT_KEYS_PER_VOTE = 4;
    /** A limit key (~75 B: "rl:address:" + 64 hex) and a one-entry sorted set or list (~64 B listpack). */
    static final int LIMIT_KEY_BYTES = 140;

    private StoresReport() {
    }

    static void print(EventSizes sizes, double peak, double test) {
        System.out.println("## Kafka: votes.submitted");
        System.out.print(kafka(sizes, peak, test));
        System.out.println();
        System.out.println("## PostgreSQL: one writer vs ledger shards by partition range (" + PARTITIONS + " partitions)");
        System.out.print(shards(peak, test));
        System.out.println();
        System.out.println("## Redis memory");
        System.out.print(redis(sizes));
        System.out.println();
    }

    static double recordBytes(EventSizes sizes) {
        return sizes.voteKey() + sizes.voteValue() + RECORD_FRAMING;
    }

    static String kafka(EventSizes sizes, double peak, double test) {
        double record = recordBytes(sizes);
        Table t = new Table("figure", "@250k", "@375k", "how");
        t.row("record bytes (key + value + framing)", record, record,
                "key " + sizes.voteKey() + " + value " + sizes.voteValue() + " (EventCodec) + " + RECORD_FRAMING);
        t.row("produce MB/s (uncompressed)", mb(peak * record), mb(test * record), "rate × record; lz4 not counted");
        t.row("follower fetch MB/s (RF " + REPLICATION + ")", mb(peak * record * (REPLICATION - 1)),
                mb(test * record * (REPLICATION - 1)), "(RF − 1) × produce");
        t.row("disk writes MB/s, all brokers", mb(peak * record * REPLICATION), mb(test * record * REPLICATION),
                "RF × produce");
        t.row("ledger fetch MB/s", mb(peak * record), mb(test * record), "one consumer group");
        t.row("log GB per hour at this rate", peak * record * REPLICATION * 3600 / 1e9,
                test * record * REPLICATION * 3600 / 1e9, "retention.ms=-1: kept for ever");
        t.row("raw append cores (RF 1, measured rate)", peak / Measured.KAFKA_RAW_LOW, test / Measured.KAFKA_RAW_LOW,
                "one broker core took " + (long) Measured.KAFKA_RAW_LOW + "–" + (long) Measured.KAFKA_RAW_HIGH + " rec/s");
        t.row("ledger rate needed per partition", peak / PARTITIONS, test / PARTITIONS,
                "vs one ledger: " + (long) Measured.LEDGER_QUIET + " quiet, " + (long) Measured.LEDGER_NOISY + " noisy");
        t.row("partitions for ledger ≤ 60 % (quiet / noisy)", partitionsFor(peak, Measured.LEDGER_QUIET) + " / "
                + partitionsFor(peak, Measured.LEDGER_NOISY), partitionsFor(test, Measured.LEDGER_QUIET) + " / "
                + partitionsFor(test, Measured.LEDGER_NOISY), "one consumer per partition, one batch in flight");
        int ingestPods = CapacityModel.sized(peak, CapacityModel.Scenario.QUIET).stream()
                .filter(x -> x.tier().name().equals("ingest")).findFirst().orElseThrow().pods();
        t.row("records per partition batch, one ingest pod", batchRecords(peak, ingestPods),
                batchRecords(test, ingestPods), ingestPods + " ingest pods, linger " + LINGER_SECONDS * 1e3 + " ms");
        return t.render();
    }

    /** Records one producer puts in one partition's batch before linger ends: what a broker request carries. */
    static double batchRecords(double rate, int producers) {
        return rate / producers / PARTITIONS * LINGER_SECONDS;
    }

    static long partitionsFor(double rate, double ledgerRate) {
        return (long) Math.ceil(rate / (CapacityModel.HEADROOM.peakUtilisation() * ledgerRate));
    }

    /** Fewest shards, a divisor of the partitions (each shard a whole range), keeping each writer ≤ 60 %. */
    static int shardsFor(double rate, double writerRowsPerSecond) {
        for (int s = 1; s <= PARTITIONS; s++) {
            if (PARTITIONS % s == 0 && rate / s <= CapacityModel.HEADROOM.peakUtilisation() * writerRowsPerSecond) {
                return s;
            }
        }
        return PARTITIONS;
    }

    static String shards(double peak, double test) {
        Table t = new Table("writer ceiling (rows/s)", "one writer @250k", "shards for 375k", "partitions/shard",
                "rows/s per shard @250k", "@375k", "util @375k", "WAL MB/s per shard @375k", "PG cores/shard @375k");
        for (double writer : new double[] {Measured.PG_WRITER_QUIET, Measured.PG_WRITER_NOISY}) {
            int s = shardsFor(test, writer);
            double pgMicros = Measured.TIERS.stream().filter(x -> x.name().equals("postgres")).findFirst()
                    .orElseThrow().quietMicros();
            t.row((long) writer, CapacityModel.percent(peak / writer), s, PARTITIONS / s, peak / s, test / s,
                    CapacityModel.percent(test / s / writer), mb(test / s * Measured.WAL_BYTES_PER_VOTE),
                    Tier.busyCores(test / s, pgMicros));
        }
        return t.render();
    }

    /** Key lengths from ingest's RedisKeys and the contract's PendingReceipt.key: slot, idempotency, receipt. */
    static int[] redisKeyLengths(EventSizes sizes) {
        int voter = sizes.voterId();
        return new int[] {"vote:{".length() + voter + "}:poll:".length() + sizes.pollId(),
            "vote:{".length() + voter + "}:idem:".length() + sizes.idempotencyKey(), "receipt:".length() + 36};
    }

    /** Redis bytes one vote leaves for the TTL: the slot and the Idempotency-Key (the web page always sends one). */
    static double redisBytesPerVote(EventSizes sizes) {
        int[] keys = redisKeyLengths(sizes);
        return keys[0] + keys[1] + keys[2] + 2 * sizes.acceptedReceipt() + sizes.pendingReceipt()
                + 3 * REDIS_KEY_OVERHEAD;
    }

    static String redis(EventSizes sizes) {
        int[] keys = redisKeyLengths(sizes);
        int slot = keys[0];
        int idem = keys[1];
        int receipt = keys[2];
        double slotBytes = slot + sizes.acceptedReceipt() + REDIS_KEY_OVERHEAD;
        double idemBytes = idem + sizes.acceptedReceipt() + REDIS_KEY_OVERHEAD;
        double receiptBytes = receipt + sizes.pendingReceipt() + REDIS_KEY_OVERHEAD;
        double perVote = redisBytesPerVote(sizes);
        Table t = new Table("key (TTL " + TTL_DAYS + " d)", "key B", "value B", "with overhead B");
        t.row("vote:{voter}:poll:<poll> (dedupe slot)", (double) slot, (double) sizes.acceptedReceipt(), slotBytes);
        t.row("vote:{voter}:idem:<key> (if sent)", (double) idem, (double) sizes.acceptedReceipt(), idemBytes);
        t.row("receipt:<id> (ledger's accepted state)", (double) receipt, (double) sizes.pendingReceipt(), receiptBytes);
        t.row("per vote", "", "", perVote);
        for (int polls : new int[] {1, 3}) {
            t.row("300M voters × " + polls + " poll(s) in " + TTL_DAYS + " d, GB", "", "",
                    300e6 * polls * perVote / 1e9);
        }
        double live = CapacityModel.PEAK * LIMIT_WINDOW_SECONDS;
        double limitBytes = LIMIT_KEYS_PER_VOTE * (LIMIT_KEY_BYTES + REDIS_KEY_OVERHEAD);
        t.row("limit keys of voters active in the last " + LIMIT_WINDOW_SECONDS + " s @250k (" + LIMIT_KEYS_PER_VOTE
                + " per vote), GB", (double) LIMIT_KEY_BYTES, "", live * limitBytes / 1e9);
        return t.render();
    }

    static double mb(double bytesPerSecond) {
        return bytesPerSecond / 1e6;
    }
}
