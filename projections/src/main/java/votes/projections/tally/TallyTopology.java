package votes.projections.tally;

import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.jboss.logging.Logger;
import votes.events.cdc.LedgerRow;
import votes.events.cdc.LedgerRows;
import votes.events.cdc.MalformedRowException;
import votes.events.codec.TallyDeserializer;
import votes.events.codec.TallySerializer;
import votes.events.tally.Tally;
import votes.events.topic.Topics;

/**
 * ledger.tally-deltas + ledger.polls, both keyed by poll id by the relay and co-partitioned (same key bytes, same
 * partition count: checked at start by {@code CoPartitionCheck}) → {@link TallyProcessor} → vote-tallies. One
 * sub-topology: task p reads partition p of both topics, so a poll's deltas and rows meet in one task with no
 * repartition topic, and an applied delta costs one exactly_once_v2 transaction, not two in series (issue 12 item 4).
 */
public final class TallyTopology {

    public static final String DELTAS_TOPIC = Topics.TALLY_DELTAS;
    public static final String POLLS_TOPIC = Topics.LEDGER_POLLS;
    public static final String TALLIES_TOPIC = Topics.VOTE_TALLIES;
    /** The inputs, which must be co-partitioned. */
    public static final List<String> SOURCE_TOPICS = List.of(DELTAS_TOPIC, POLLS_TOPIC);
    /** Queryable: poll id → current {@link Tally}. */
    public static final String TALLIES_STORE = "tallies";

    private static final Logger LOG = Logger.getLogger(TallyTopology.class);

    private TallyTopology() {
    }

    /**
     * @param dedupRetention how long applied delta ids are remembered ({@link AppliedDeltas})
     * @param commitAfterQuiet a change after this long without rows is committed at once ({@link QuietSpell})
     */
    public static Topology build(Duration dedupRetention, Duration commitAfterQuiet) {
        // The contract's codec for the topic and the store alike: the store's changelog holds the same bytes.
        Serde<Tally> tallySerde = Serdes.serdeFrom(new TallySerializer(), new TallyDeserializer());
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TALLIES_STORE), Serdes.String(), tallySerde));
        builder.addStateStore(AppliedDeltas.storeBuilder(dedupRetention));
        builder.addStateStore(AppliedDeltas.clockStoreBuilder());

        QuietSpell quietSpell = new QuietSpell(commitAfterQuiet);
        KStream<String, LedgerRow> deltas = rows(builder, DELTAS_TOPIC, LedgerRows::delta);
        KStream<String, LedgerRow> polls = rows(builder, POLLS_TOPIC, LedgerRows::poll);
        deltas.merge(polls, Named.as("ledger-rows"))
                .process(() -> new TallyProcessor(dedupRetention, quietSpell), Named.as("tally"),
                        TALLIES_STORE, AppliedDeltas.STORE, AppliedDeltas.CLOCK_STORE)
                .to(TALLIES_TOPIC, Produced.with(Serdes.String(), tallySerde));
        return builder.build();
    }

    /**
     * Parses the relay's rows at the edge; a tombstone (row deleted) or an unreadable row is skipped, and so is a row
     * whose key is not its poll id: it sits on whatever partition its key hashed to, maybe another task's, and applied
     * here it would start a second tally of its poll. A breach of the relay's contract, counted and said.
     */
    private static KStream<String, LedgerRow> rows(StreamsBuilder builder, String topic,
                                                   Function<String, ? extends LedgerRow> parse) {
        return builder.stream(topic, Consumed.with(Serdes.String(), Serdes.String()).withName(topic))
                .flatMapValues((key, json) -> {
                    if (json == null) {
                        return List.<LedgerRow>of();
                    }
                    LedgerRow row;
                    try {
                        row = parse.apply(json);
                    } catch (MalformedRowException e) {
                        LOG.warnf("Skipping an unreadable row of %s: %s", topic, e.getMessage());
                        Metrics.counter("projections_rows_undecodable_total", "topic", topic).increment();
                        return List.<LedgerRow>of();
                    }
                    if (!row.pollId().equals(key)) {
                        LOG.errorf("Skipping a row of %s keyed %s, not by its poll id %s: the relay's key contract"
                                + " is broken (message.key.columns / pollKey in cdc-relay.properties)", topic, key,
                                row.pollId());
                        Metrics.counter("projections_rows_miskeyed_total", "topic", topic).increment();
                        return List.<LedgerRow>of();
                    }
                    return List.<LedgerRow>of(row);
                }, Named.as("parse-" + topic));
    }
}
