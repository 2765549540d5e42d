package votes.projections.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static votes.projections.tally.TallyDriver.T0;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyDescription.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import votes.events.tally.Tally;
import votes.events.tally.TallyOption;

class TallyTopologyTest {

    private static final String ABC = "[{\"id\":\"a\",\"label\":\"Apples\"},{\"id\":\"b\",\"label\":\"Bananas\"},"
            + "{\"id\":\"c\",\"label\":\"Cherries\"}]";

    private final TallyDriver ledger = new TallyDriver();

    @AfterEach
    void close() {
        ledger.close();
    }

    private static Instant t(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void deltasAreSummedPerOption() {
        ledger.poll("p1", "Fruit", ABC, null, null, t(0));
        ledger.delta("p1", "a", 3, t(1));
        ledger.delta("p1", "b", 2, t(2));
        ledger.delta("p1", "a", 4, t(3));

        Tally tally = ledger.stored("p1");
        assertThat(tally.options()).containsExactly(
                new TallyOption("a", "Apples", 7), new TallyOption("b", "Bananas", 2), new TallyOption("c", "Cherries", 0));
        assertThat(tally.totalVotes()).isEqualTo(9);
        assertThat(ledger.published()).last().isEqualTo(tally);
    }

    @Test
    void aVoidsNegativeDeltaMovesTheTallyDownAndItsRedeliveryDoesNot() {
        ledger.poll("p1", "Fruit", ABC, null, null, t(0));
        ledger.delta("p1", "a", 5, t(1));
        ledger.delta("p1", "b", 2, t(2));
        String voidDelta = ledger.delta("p1", "a", -3, t(3));

        Tally tally = ledger.stored("p1");
        assertThat(tally.options()).extracting(TallyOption::votes).containsExactly(2L, 2L, 0L);
        assertThat(tally.totalVotes()).isEqualTo(4);
        assertThat(ledger.published()).last().isEqualTo(tally);

        ledger.redeliver(voidDelta, "p1", "a", -3, t(3), t(30));
        assertThat(ledger.published()).as("a redelivered void publishes nothing").isEmpty();
        assertThat(ledger.stored("p1").totalVotes()).isEqualTo(4);
    }

    @Test
    void redeliveredDeltaIsCountedOnce() {
        ledger.poll("p1", "Fruit", ABC, null, null, t(0));
        String deltaId = ledger.delta("p1", "a", 5, t(1));
        ledger.delta("p1", "b", 1, t(2));
        List<Tally> before = ledger.published();

        ledger.redeliver(deltaId, "p1", "a", 5, t(1), t(30));

        assertThat(ledger.published()).as("a redelivery publishes nothing").isEmpty();
        assertThat(ledger.stored("p1").options()).extracting(TallyOption::votes).containsExactly(5L, 1L, 0L);
        assertThat(ledger.stored("p1")).isEqualTo(before.get(before.size() - 1));
    }

    @Test
    void deltaOlderThanTheDedupRetentionIsTakenForAReplayAndSkipped() {
        try (TallyDriver shortMemory = new TallyDriver(Duration.ofMinutes(10))) {
            String old = shortMemory.delta("p1", "a", 2, t(0));
            shortMemory.delta("p1", "a", 1, t(3600));

            shortMemory.redeliver(old, "p1", "a", 2, t(0), t(3601));

            assertThat(shortMemory.stored("p1").totalVotes()).isEqualTo(3);
        }
    }

    @Test
    void versionGrowsByOneWithEveryChangeAndNeverDecreases() {
        String first = ledger.delta("p1", "a", 1, t(1));
        ledger.poll("p1", "Fruit", ABC, null, null, t(2));
        ledger.delta("p1", "b", 1, t(3));
        ledger.redeliver(first, "p1", "a", 1, t(1), t(4));
        ledger.poll("p1", "Fruit", ABC, null, null, t(5));
        ledger.delta("p1", "c", 2, t(6));
        ledger.poll("p1", "Fruit", ABC, null, t(7), t(7));

        List<Tally> published = ledger.published();
        assertThat(published).extracting(Tally::version).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(published).extracting(Tally::asOf).isSorted();
        assertThat(ledger.stored("p1").version()).isEqualTo(5);
    }

    @Test
    void asOfNeverGoesBackWhenARowCarriesAnOlderTimestamp() {
        ledger.delta("p1", "a", 1, t(10));
        ledger.delta("p1", "a", 1, t(5));

        assertThat(ledger.stored("p1").asOf()).isEqualTo(t(10));
        assertThat(ledger.stored("p1").version()).isEqualTo(2);
    }

    @Test
    void deltasForAPollNotSeenYetAreCountedWithoutLabelsUntilThePollRowArrives() {
        ledger.delta("p1", "b", 2, t(1));
        ledger.delta("p1", "a", 1, t(2));

        Tally unlabeled = ledger.stored("p1");
        assertThat(unlabeled.title()).isNull();
        assertThat(unlabeled.options()).containsExactly(new TallyOption("b", null, 2), new TallyOption("a", null, 1));

        ledger.poll("p1", "Fruit", ABC, null, null, t(3));

        Tally labeled = ledger.stored("p1");
        assertThat(labeled.title()).isEqualTo("Fruit");
        assertThat(labeled.options()).as("the poll's order, labels, zero for c").containsExactly(
                new TallyOption("a", "Apples", 1), new TallyOption("b", "Bananas", 2), new TallyOption("c", "Cherries", 0));
        assertThat(labeled.totalVotes()).isEqualTo(3);
        assertThat(labeled.version()).isEqualTo(3);
    }

    @Test
    void closingThePollMakesTheTallyFinalAndBumpsTheVersion() {
        ledger.poll("p1", "Fruit", ABC, null, null, t(0));
        ledger.delta("p1", "a", 1, t(1));
        assertThat(ledger.stored("p1").closed()).isFalse();

        ledger.poll("p1", "Fruit", ABC, null, t(2), t(2));

        Tally closed = ledger.stored("p1");
        assertThat(closed.closed()).isTrue();
        assertThat(closed.version()).isEqualTo(3);
        assertThat(closed.totalVotes()).isEqualTo(1);
        assertThat(ledger.published()).extracting(Tally::closed).containsExactly(false, false, true);
    }

    @Test
    void pollWhoseClosesAtHasPassedAtTheRowsTimeIsFinal() {
        ledger.poll("open", "Fruit", ABC, t(100), null, t(50));
        ledger.poll("expired", "Fruit", ABC, t(100), null, t(150));

        assertThat(ledger.stored("open").closed()).isFalse();
        assertThat(ledger.stored("expired").closed()).isTrue();
    }

    @Test
    void finalTallyStaysFinalWhenAnOlderPollRowIsReplayed() {
        ledger.poll("p1", "Fruit", ABC, null, t(2), t(2));
        ledger.poll("p1", "Fruit", ABC, null, null, t(3));

        assertThat(ledger.stored("p1").closed()).isTrue();
        assertThat(ledger.stored("p1").version()).isEqualTo(1);
    }

    @Test
    void votesArrivingAfterTheCloseStillCount() {
        // The ledger judges by submission time: a vote cast before the close may be recorded just after it.
        ledger.poll("p1", "Fruit", ABC, null, t(2), t(2));
        ledger.delta("p1", "b", 1, t(3));

        assertThat(ledger.stored("p1").closed()).isTrue();
        assertThat(ledger.stored("p1").totalVotes()).isEqualTo(1);
    }

    @Test
    void talliesOfTwoPollsAreIndependent() {
        ledger.poll("p1", "Fruit", ABC, null, null, t(0));
        ledger.poll("p2", "Colours", "[{\"id\":\"a\",\"label\":\"Red\"}]", null, null, t(0));
        ledger.delta("p1", "a", 3, t(1));
        ledger.delta("p2", "a", 5, t(2));
        ledger.poll("p2", "Colours", "[{\"id\":\"a\",\"label\":\"Red\"}]", null, t(3), t(3));

        Tally p1 = ledger.stored("p1");
        Tally p2 = ledger.stored("p2");
        assertThat(p1.totalVotes()).isEqualTo(3);
        assertThat(p1.version()).isEqualTo(2);
        assertThat(p1.closed()).isFalse();
        assertThat(p2.options()).containsExactly(new TallyOption("a", "Red", 5));
        assertThat(p2.version()).isEqualTo(3);
        assertThat(p2.closed()).isTrue();
    }

    @Test
    void optionsWithoutVotesAreShownWithZero() {
        ledger.poll("p1", "Fruit", ABC, null, null, t(0));

        Tally tally = ledger.stored("p1");
        assertThat(tally.options()).extracting(TallyOption::votes).containsExactly(0L, 0L, 0L);
        assertThat(tally.totalVotes()).isZero();
        assertThat(tally.version()).isEqualTo(1);
        assertThat(ledger.published()).containsExactly(tally);
    }

    @Test
    void unchangedPollRowPublishesNoNewVersion() {
        ledger.poll("p1", "Fruit", ABC, null, null, t(0));
        ledger.published();

        ledger.poll("p1", "Fruit", ABC, null, null, t(1));

        assertThat(ledger.published()).isEmpty();
        assertThat(ledger.stored("p1").version()).isEqualTo(1);
    }

    @Test
    void unreadableRowsAreSkippedAndLaterRowsStillCount() {
        ledger.rawDelta("not json", t(0));
        ledger.rawDelta("{\"delta_id\":\"x\",\"poll_id\":\"p1\",\"option_id\":\"a\",\"vote_count\":1,"
                + "\"created_at\":\"yesterday\"}", t(0));
        ledger.rawDelta(null, t(0));
        ledger.delta("p1", "a", 1, t(1));

        assertThat(ledger.stored("p1").totalVotes()).isEqualTo(1);
        assertThat(ledger.stored("p1").version()).isEqualTo(1);
    }

    @Test
    void bothInputsFeedOneSubTopologyWithNoRepartitionTopicSoADeltaCostsOneTransaction() {
        TopologyDescription description = TallyTopology.build(Duration.ofHours(24), Duration.ofMillis(100)).describe();

        assertThat(description.subtopologies()).hasSize(1);
        assertThat(description.toString()).doesNotContain("repartition");
        assertThat(description.subtopologies().iterator().next().nodes()).filteredOn(n -> n instanceof Source)
                .flatExtracting(n -> ((Source) n).topicSet()).containsExactlyInAnyOrderElementsOf(TallyTopology.SOURCE_TOPICS);
    }

    @Test
    void aRowNotKeyedByItsPollIdIsCountedAndNotApplied() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try {
            keyedByAnythingButThePoll(registry);
        } finally {
            Metrics.removeRegistry(registry);
        }
    }

    private void keyedByAnythingButThePoll(SimpleMeterRegistry registry) {
        // The old contract's key (the delta id's JSON): on a partition chosen by that key, maybe another task's.
        ledger.keyedDelta("{\"delta_id\":\"d1\"}", "d1", "p1", "a", 5, t(0), t(0));
        ledger.keyedDelta(null, "d2", "p1", "a", 5, t(0), t(0));
        ledger.delta("p1", "a", 1, t(1));

        assertThat(ledger.stored("p1").totalVotes()).as("only the row keyed by its poll").isEqualTo(1);
        assertThat(ledger.published()).extracting(Tally::pollId).containsOnly("p1");
        assertThat(registry.get("projections_rows_miskeyed_total").tag("topic", TallyTopology.DELTAS_TOPIC)
                .counter().count()).isEqualTo(2);
    }
}
