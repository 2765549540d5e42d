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
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.jboss.logging.Logger;
import votes.events.cdc.LedgerRow;
import votes.events.cdc.LedgerRows;
import votes.events.cdc.MalformedRowException;
import votes.events.codec.TallyDeserializer;
import votes.events.codec.TallySerializer;
import votes.events.tally.Tally;
import votes.events.topic.Topics;
import votes.projections.streams.JsonSerde;

/**
 * ledger.tally-deltas + ledger.polls → re-keyed by poll id through ONE repartition topic (so a poll's
 * deltas and rows are co-partitioned and ordered together) → {@link TallyProcessor} → vote-tallies.
 */
public final class TallyTopology {

    public static final String DELTAS_TOPIC = Topics.TALLY_DELTAS;
    public static final String POLLS_TOPIC = Topics.LEDGER_POLLS;
    public static final String TALLIES_TOPIC = Topics.VOTE_TALLIES;
    /** Queryable: poll id → current {@link Tally}. */
    public static final String TALLIES_STORE = "tallies";

    private static final Logger LOG = Logger.getLogger(TallyTopology.class);

    private TallyTopology() {
    }

    public static Topology build(Duration dedupRetention) {
        // The contract's codec for the topic and the store alike: the store's changelog holds the same bytes.
        Serde<Tally> tallySerde = Serdes.serdeFrom(new TallySerializer(), new TallyDeserializer());
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TALLIES_STORE), Serdes.String(), tallySerde));
        builder.addStateStore(AppliedDeltas.storeBuilder(dedupRetention));
        builder.addStateStore(AppliedDeltas.clockStoreBuilder());

        KStream<String, LedgerRow> deltas = rows(builder, DELTAS_TOPIC, LedgerRows::delta);
        KStream<String, LedgerRow> polls = rows(builder, POLLS_TOPIC, LedgerRows::poll);
        deltas.merge(polls, Named.as("ledger-rows"))
                .selectKey((relayKey, row) -> row.pollId(), Named.as("key-by-poll"))
                .repartition(Repartitioned.<String, LedgerRow>as("rows-by-poll")
                        .withKeySerde(Serdes.String())
                        .withValueSerde(JsonSerde.of(LedgerRow.class)))
                .process(() -> new TallyProcessor(dedupRetention), Named.as("tally"),
                        TALLIES_STORE, AppliedDeltas.STORE, AppliedDeltas.CLOCK_STORE)
                .to(TALLIES_TOPIC, Produced.with(Serdes.String(), tallySerde));
        return builder.build();
    }

    /** Parses the relay's rows at the edge; a tombstone (row deleted) or an unreadable row is skipped. */
    private static KStream<String, LedgerRow> rows(StreamsBuilder builder, String topic,
                                                   Function<String, ? extends LedgerRow> parse) {
        return builder.stream(topic, Consumed.with(Serdes.String(), Serdes.String()).withName(topic))
                .flatMapValues(json -> {
                    if (json == null) {
                        return List.<LedgerRow>of();
                    }
                    try {
                        return List.<LedgerRow>of(parse.apply(json));
                    } catch (MalformedRowException e) {
                        LOG.warnf("Skipping an unreadable row of %s: %s", topic, e.getMessage());
                        Metrics.counter("projections_rows_undecodable_total", "topic", topic).increment();
                        return List.<LedgerRow>of();
                    }
                }, Named.as("parse-" + topic));
    }
}
