package votes.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import votes.events.key.PartitionKeys;
import votes.events.poll.Poll;
import votes.events.poll.PollOption;
import votes.events.poll.VotesVoided;
import votes.events.vote.VoteSubmitted;
import votes.proofs.merkle.CompactRange;
import votes.proofs.merkle.MerkleHash;
import votes.proofs.merkle.VoidLeaf;

class VoidReplayTest {

    static final Instant T0 = Instant.parse("2026-11-21T08:00:00.123456789Z");
    /** Closed at T0 + 60 s. */
    static final Poll SONG = new Poll("song", "Best song", List.of(new PollOption("a", "A"), new PollOption("b", "B")),
            null, null, T0.plusSeconds(60), T0.minusSeconds(10));
    /** Never closes. */
    static final Poll COLOR = new Poll("color", "Best color", List.of(new PollOption("red", "Red"),
            new PollOption("blue", "Blue")), null, null, null, T0.minusSeconds(10));
    static final Map<String, Poll> POLLS = Map.of("song", SONG, "color", COLOR);

    /** The votes of one test, judged by the real rule on one partition. */
    private final List<VoteSubmitted> votes = new ArrayList<>();
    private final List<LoggedVoid> voids = new ArrayList<>();
    private final long[] pollOffsets = new long[3];

    private UUID vote(String poll, String voter, String option) {
        VoteSubmitted v = VoteSubmitted.of(UUID.randomUUID(), poll, voter, option, T0.plusSeconds(votes.size()), null, null);
        votes.add(v);
        return v.eventId();
    }

    private VotesVoided voidOf(String poll, Instant at, UUID... ids) {
        VotesVoided v = VotesVoided.of(UUID.randomUUID(), poll, "flag-" + poll, "bot swarm", List.of(ids), at);
        append(v, poll.equals("song") ? 0 : 1);
        return v;
    }

    private void append(VotesVoided v, int partition) {
        voids.add(new LoggedVoid(v, partition, pollOffsets[partition]++));
    }

    private ReplayOutcome replay(String pollFilter, Map<Integer, Set<Long>> wanted) {
        VoteReplay replay = new VoteReplay(POLLS, pollFilter, Map.of(), Map.of());
        for (int i = 0; i < votes.size(); i++) {
            VoteSubmitted v = votes.get(i);
            replay.accept(v, PartitionKeys.vote(v.pollId(), v.voterId()), 0, i);
        }
        ReplayOutcome outcome = replay.finish(Map.of(0, (long) votes.size()), voids.size());
        VoidOutcome applied = new VoidReplay(POLLS, pollFilter, wanted).replay(voids, Map.of(0, pollOffsets[0], 1,
                pollOffsets[1], 2, pollOffsets[2]), outcome.expected());
        return outcome.withVoids(applied);
    }

    @Test
    void aVoidBeforeTheCloseVoidsTheRecordedVotesOfItsPollAndNothingElse() {
        UUID v1 = vote("song", "v1", "a");
        UUID v2 = vote("song", "v2", "b");
        UUID again = vote("song", "v1", "b"); // rejected: duplicate
        UUID other = vote("color", "c1", "red");
        VotesVoided voided = voidOf("song", T0.plusSeconds(30), v1, v2, again, other, UUID.randomUUID());

        ReplayOutcome outcome = replay(null, Map.of());

        ExpectedVoid e = outcome.voids().expected().get(voided.eventId());
        assertThat(e.counted()).isTrue();
        assertThat(e.namedVotes()).isEqualTo(5);
        assertThat(e.voidedVotes()).isEqualTo(2);
        assertThat(e.voidedAt()).isEqualTo(Instant.parse("2026-11-21T08:00:30.123456Z"));
        assertThat(outcome.expected().get(v1).voidedBy()).isSameAs(e);
        assertThat(outcome.expected().get(v2).voidedBy()).isSameAs(e);
        assertThat(outcome.expected().get(other).voidedBy()).isNull();
        assertThat(outcome.tallies().get("song")).isEqualTo(Map.of("a", 1L, "b", 1L));
        assertThat(outcome.counted().get("song")).isEqualTo(Map.of("a", 0L, "b", 0L));
        assertThat(outcome.counted().get("color")).isEqualTo(Map.of("red", 1L));
    }

    @Test
    void aVoidAtOrAfterTheCloseCountsNothingButIsStillALeaf() {
        UUID v1 = vote("song", "v1", "a");
        VotesVoided atClose = voidOf("song", T0.plusSeconds(60), v1);
        VotesVoided after = voidOf("song", T0.plusSeconds(61), v1);

        ReplayOutcome outcome = replay(null, Map.of());

        assertThat(outcome.voids().expected().get(atClose.eventId()).counted()).isFalse();
        assertThat(outcome.voids().expected().get(after.eventId()).voidedVotes()).isZero();
        assertThat(outcome.expected().get(v1).voidedBy()).isNull();
        assertThat(outcome.counted().get("song")).isEqualTo(Map.of("a", 1L));
        assertThat(outcome.logs().get(VoidLeaf.logId(0)).size()).isEqualTo(2);
        assertThat(outcome.voids().expected().get(after.eventId()).leafIndex()).isEqualTo(1);
        assertThat(VoidReplay.counts(SONG, T0.plusSeconds(59))).isTrue();
        assertThat(VoidReplay.counts(COLOR, T0.plusSeconds(1_000_000))).as("no close: always").isTrue();
        assertThat(VoidReplay.counts(null, T0)).as("a poll the log never created").isFalse();
        assertThat(VoidReplay.counts(SONG, T0.plusSeconds(60).minusNanos(1))).as("at microseconds, as the ledger")
                .isFalse();
        assertThat(VoidReplay.counts(SONG, T0.plusSeconds(60).minusNanos(1_000))).isTrue();
    }

    @Test
    void aVoidOfAPollTheLogNeverCreatedCountsNothing() {
        UUID v1 = vote("song", "v1", "a");
        VotesVoided lost = VotesVoided.of(UUID.randomUUID(), "nope", "f", "r", List.of(v1), T0);
        append(lost, 2);

        ReplayOutcome outcome = replay(null, Map.of());

        assertThat(outcome.voids().expected().get(lost.eventId()).counted()).isFalse();
        assertThat(outcome.expected().get(v1).voidedBy()).isNull();
        assertThat(outcome.logs()).containsKey(VoidLeaf.logId(2));
    }

    @Test
    void aSecondVoidNamingTheSameVotesVoidsNothingMore() {
        UUID v1 = vote("song", "v1", "a");
        UUID v2 = vote("song", "v2", "a");
        VotesVoided first = voidOf("song", T0.plusSeconds(10), v1, v2);
        VotesVoided second = voidOf("song", T0.plusSeconds(20), v2, v1);

        ReplayOutcome outcome = replay(null, Map.of());

        assertThat(outcome.voids().expected().get(first.eventId()).voidedVotes()).isEqualTo(2);
        ExpectedVoid repeat = outcome.voids().expected().get(second.eventId());
        assertThat(repeat.counted()).isTrue();
        assertThat(repeat.voidedVotes()).isZero();
        assertThat(outcome.expected().get(v2).voidedBy().eventId()).isEqualTo(first.eventId());
        assertThat(outcome.voids().counts().votesVoided()).isEqualTo(2);
    }

    @Test
    void aReappendedVoidChangesNothingAndIsNoSecondLeaf() {
        UUID v1 = vote("song", "v1", "a");
        VotesVoided once = voidOf("song", T0.plusSeconds(10), v1);
        append(once, 0);
        VotesVoided next = voidOf("song", T0.plusSeconds(20), v1);

        ReplayOutcome outcome = replay(null, Map.of());

        ExpectedVoid e = outcome.voids().expected().get(once.eventId());
        assertThat(e.offset()).isZero();
        assertThat(e.leafIndex()).isZero();
        assertThat(e.voidedVotes()).isEqualTo(1);
        assertThat(outcome.voids().counts().reappended()).isEqualTo(1);
        assertThat(outcome.voids().expected().get(next.eventId()).leafIndex()).as("the copy at offset 1 is no leaf")
                .isEqualTo(1);
        assertThat(outcome.logs().get(VoidLeaf.logId(0)).size()).isEqualTo(2);
    }

    @Test
    void twoVoidsInOnePollEachVoidWhatTheOtherDidNot() {
        UUID v1 = vote("song", "v1", "a");
        UUID v2 = vote("song", "v2", "b");
        UUID v3 = vote("song", "v3", "b");
        VotesVoided first = voidOf("song", T0.plusSeconds(10), v1, v2, v2);
        VotesVoided second = voidOf("song", T0.plusSeconds(20), v2, v3);

        ReplayOutcome outcome = replay(null, Map.of());

        assertThat(outcome.voids().expected().get(first.eventId()).voidedVotes()).as("v2 named twice, voided once")
                .isEqualTo(2);
        assertThat(outcome.voids().expected().get(first.eventId()).namedVotes()).isEqualTo(3);
        assertThat(outcome.voids().expected().get(second.eventId()).voidedVotes()).isEqualTo(1);
        assertThat(outcome.expected().get(v3).voidedBy().eventId()).isEqualTo(second.eventId());
        assertThat(outcome.counted().get("song")).isEqualTo(Map.of("a", 0L, "b", 0L));
    }

    @Test
    void eachPollEventsPartitionHasItsVoidLogOfVoidLeavesInOffsetOrder() {
        UUID v1 = vote("song", "v1", "a");
        UUID c1 = vote("color", "c1", "red");
        VotesVoided s1 = voidOf("song", T0.plusSeconds(1), v1);
        VotesVoided k1 = voidOf("color", T0.plusSeconds(2), c1);
        VotesVoided s2 = voidOf("song", T0.plusSeconds(3));
        int log0 = VoidLeaf.logId(0);

        ReplayOutcome outcome = replay(null, Map.of(log0, Set.of(1L)));

        CompactRange range = new CompactRange();
        range.append(VoidLeaf.of(s1, 0, 0).hash());
        byte[] atOne = range.root();
        range.append(VoidLeaf.of(s2, 0, 1).hash());
        assertThat(outcome.logs().get(log0).rootAt(1)).isEqualTo(atOne);
        assertThat(outcome.logs().get(log0).root()).isEqualTo(range.root());
        assertThat(outcome.logs().get(VoidLeaf.logId(1)).root())
                .isEqualTo(MerkleHash.leaf(VoidLeaf.of(k1, 1, 0).encode()));
        assertThat(outcome.logs()).containsKey(0).doesNotContainKey(VoidLeaf.logId(2)); // no void there, no log
    }

    @Test
    void withAPollFilterOtherPollsVoidsAreStillLeavesButApplyNothing() {
        UUID v1 = vote("song", "v1", "a");
        UUID c1 = vote("color", "c1", "red");
        VotesVoided song = voidOf("song", T0.plusSeconds(1), v1);
        VotesVoided color = voidOf("color", T0.plusSeconds(1), c1);
        ReplayOutcome all = replay(null, Map.of());

        ReplayOutcome one = replay("color", Map.of());

        assertThat(one.voids().expected()).containsOnlyKeys(color.eventId());
        assertThat(one.logs().get(VoidLeaf.logId(0)).root()).isEqualTo(all.logs().get(VoidLeaf.logId(0)).root());
        assertThat(one.voids().expected().get(color.eventId()).voidedVotes()).isEqualTo(1);
        assertThat(all.voids().expected().get(song.eventId()).voidedVotes()).isEqualTo(1);
    }

    /**
     * Random logs (votes with duplicates and unknown options, voids before and after the close naming recorded,
     * rejected, foreign and unknown ids, re-appended voids): voids never void more than was recorded, only recorded
     * votes of their own poll and only when they count, each vote once; and any interleaving of poll-events'
     * partitions (as a consumer may deliver them) yields the same voided votes, rows and roots.
     */
    @Test
    void voidsNeverExceedRecordedVotesAndDoNotDependOnPartitionInterleaving() {
        for (long seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            VoidReplayTest log = new VoidReplayTest();
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String poll = random.nextBoolean() ? "song" : "color";
                String option = List.of("a", "b", "red", "blue", "green").get(random.nextInt(5));
                ids.add(log.vote(poll, "voter-" + random.nextInt(15), option));
            }
            for (int i = 0; i < 8; i++) {
                String poll = List.of("song", "color", "nope").get(random.nextInt(3));
                List<UUID> named = new ArrayList<>();
                for (int n = random.nextInt(12); n > 0; n--) {
                    named.add(random.nextInt(10) == 0 ? UUID.randomUUID() : ids.get(random.nextInt(ids.size())));
                }
                VotesVoided v = VotesVoided.of(UUID.randomUUID(), poll, "f" + i, "r", named,
                        T0.plusSeconds(random.nextInt(90)));
                int partition = Math.floorMod(poll.hashCode(), 3);
                log.append(v, partition);
                if (random.nextInt(5) == 0) {
                    log.append(v, partition); // re-appended
                }
            }
            ReplayOutcome outcome = log.replay(null, Map.of());
            assertVoidInvariants(outcome, seed);
            Map<UUID, UUID> voidedBy = voidedBy(outcome);

            PartitionInterleaving.shuffle(log.voids, random);
            ReplayOutcome again = log.replay(null, Map.of());
            assertThat(voidedBy(again)).as("seed " + seed).isEqualTo(voidedBy);
            assertThat(again.voids().expected()).as("seed " + seed).isEqualTo(outcome.voids().expected());
            for (int logId : outcome.voids().logs().keySet()) {
                assertThat(again.logs().get(logId).root()).as("seed " + seed).isEqualTo(outcome.logs().get(logId).root());
            }
        }
    }

    private static void assertVoidInvariants(ReplayOutcome outcome, long seed) {
        outcome.counted().forEach((poll, options) -> options.forEach((option, counted) ->
                assertThat(counted).as("seed " + seed + " " + poll + "/" + option).isBetween(0L,
                        outcome.tallies().get(poll).get(option))));
        long marked = 0;
        for (Expected e : outcome.expected().values()) {
            if (e.voidedBy() != null) {
                marked++;
                assertThat(e.recorded()).as("seed " + seed).isTrue();
                assertThat(e.voidedBy().pollId()).as("seed " + seed).isEqualTo(e.pollId());
                assertThat(e.voidedBy().counted()).as("seed " + seed).isTrue();
            }
        }
        long recorded = outcome.expected().values().stream().filter(Expected::recorded).count();
        assertThat(marked).as("seed " + seed).isLessThanOrEqualTo(recorded)
                .isEqualTo(outcome.voids().counts().votesVoided())
                .isEqualTo(outcome.voids().expected().values().stream().mapToLong(ExpectedVoid::voidedVotes).sum());
    }

    private static Map<UUID, UUID> voidedBy(ReplayOutcome outcome) {
        return outcome.expected().values().stream().filter(e -> e.voidedBy() != null)
                .collect(Collectors.toMap(Expected::eventId, e -> e.voidedBy().eventId()));
    }

    /** A consumer's view of several partitions: each partition's records in offset order, partitions interleaved. */
    private static final class PartitionInterleaving {
        static void shuffle(List<LoggedVoid> voids, Random random) {
            Map<Integer, List<LoggedVoid>> byPartition = new HashMap<>();
            voids.forEach(v -> byPartition.computeIfAbsent(v.partition(), p -> new ArrayList<>()).add(v));
            List<LoggedVoid> merged = new ArrayList<>();
            while (byPartition.values().stream().anyMatch(l -> !l.isEmpty())) {
                List<List<LoggedVoid>> open = byPartition.values().stream().filter(l -> !l.isEmpty()).toList();
                merged.add(open.get(random.nextInt(open.size())).remove(0));
            }
            voids.clear();
            voids.addAll(merged);
        }
    }
}
