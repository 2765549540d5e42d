package votes.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.smallrye.mutiny.subscription.UniEmitter;
import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import votes.events.poll.Poll;
import votes.events.poll.PollOption;
import votes.events.poll.PollView;

class PollDirectoryTest {

    private static final PollView LUNCH = new PollView("p1", "Lunch?", List.of(new PollOption("a", "A"),
            new PollOption("b", "B")), null, null, null, null, "open");

    /** The ledger's poll API, answering only when the test says so. */
    private static final class SlowLedger implements LedgerPolls {
        final List<UniEmitter<? super PollView>> asked = new ArrayList<>();

        @Override
        public Uni<PollView> get(String pollId) {
            return Uni.createFrom().emitter(asked::add);
        }
    }

    private final SlowLedger ledger = new SlowLedger();
    private final PollCache cache = new PollCache();
    private final PollDirectory directory = new PollDirectory(cache, ledger, new PollDirectoryConfig() {
        @Override
        public Duration unknownTtl() {
            return Duration.ofMinutes(1);
        }

        @Override
        public int unknownMax() {
            return 100;
        }
    });

    /** A vote asking for a poll, its answer not awaited yet. */
    private static UniAssertSubscriber<Optional<Poll>> waiting(PollDirectory directory, String pollId) {
        return directory.find(pollId).subscribe().withSubscriber(UniAssertSubscriber.create());
    }

    @Test
    void votesForAnUnseenPollWhileItsLookupIsOutWaitForThatOneAnswer() {
        List<UniAssertSubscriber<Optional<Poll>>> votes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            votes.add(waiting(directory, "p1"));
        }
        assertThat(ledger.asked).hasSize(1);

        ledger.asked.get(0).complete(LUNCH);

        votes.forEach(vote -> assertThat(vote.awaitItem().getItem()).hasValueSatisfying(poll ->
                assertThat(poll.pollId()).isEqualTo("p1")));
        assertThat(cache.get("p1")).isNotNull();
        assertThat(directory.find("p1").await().indefinitely()).isPresent();
        assertThat(ledger.asked).as("later votes read the cache").hasSize(1);
    }

    @Test
    void aVoteThatGivesUpWaitingLeavesTheLookupToTheOthers() {
        UniAssertSubscriber<Optional<Poll>> impatient = waiting(directory, "p1");
        UniAssertSubscriber<Optional<Poll>> patient = waiting(directory, "p1");

        impatient.cancel();
        ledger.asked.get(0).complete(LUNCH);

        assertThat(patient.awaitItem().getItem()).isPresent();
        assertThat(cache.get("p1")).isNotNull();
        assertThat(ledger.asked).hasSize(1);
    }

    @Test
    void aPollTheLedgerDoesNotKnowIsUnknownToEveryWaitingVoteAndNotAskedAgainForAWhile() {
        UniAssertSubscriber<Optional<Poll>> first = waiting(directory, "nope");
        UniAssertSubscriber<Optional<Poll>> second = waiting(directory, "nope");

        ledger.asked.get(0).fail(new NotFoundException());

        assertThat(first.awaitItem().getItem()).isEmpty();
        assertThat(second.awaitItem().getItem()).isEmpty();
        assertThat(directory.find("nope").await().indefinitely()).isEmpty();
        assertThat(ledger.asked).hasSize(1);
    }

    @Test
    void aPollAskedForAfterAnAnswerThatLearnedNothingIsAskedAgain() {
        PollDirectory forgetful = new PollDirectory(cache, ledger, new PollDirectoryConfig() {
            @Override
            public Duration unknownTtl() {
                return Duration.ZERO;
            }

            @Override
            public int unknownMax() {
                return 100;
            }
        });
        UniAssertSubscriber<Optional<Poll>> first = waiting(forgetful, "p2");
        ledger.asked.get(0).fail(new IllegalStateException("ledger unreachable"));
        assertThat(first.awaitItem().getItem()).isEmpty();

        waiting(forgetful, "p2");

        assertThat(ledger.asked).as("the finished question does not answer new votes").hasSize(2);
    }
}
