package votes.projections.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import votes.kit.problem.Problem;
import votes.kit.problem.ProblemException;
import votes.kit.problem.ProblemType;
import votes.events.tally.Tally;
import votes.projections.tally.TallyTopology;

/**
 * Reads tallies from this instance's {@code tallies} store (interactive queries). One instance holds every
 * partition today; with several, each answers for its own partitions only.
 */
@ApplicationScoped
public class TallyQueries {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    @Inject
    KafkaStreams streams;

    public Optional<Tally> tally(String pollId) {
        return Optional.ofNullable(store().get(pollId));
    }

    public List<Tally> all() {
        List<Tally> tallies = new ArrayList<>();
        try (KeyValueIterator<String, Tally> it = store().all()) {
            while (it.hasNext()) {
                KeyValue<String, Tally> entry = it.next();
                tallies.add(entry.value);
            }
        }
        return tallies;
    }

    /** The store is unavailable while Streams starts, restores or rebalances: 503, try again shortly. */
    private ReadOnlyKeyValueStore<String, Tally> store() {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(
                    TallyTopology.TALLIES_STORE, QueryableStoreTypes.<String, Tally>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new ProblemException(Problem.of(ProblemType.UNAVAILABLE,
                    "Tallies are not queryable yet (" + streams.state() + ")"), RETRY_AFTER);
        }
    }
}
