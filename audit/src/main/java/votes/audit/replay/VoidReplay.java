package votes.audit.replay;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import votes.events.poll.Poll;
import votes.events.poll.VotesVoided;
import votes.events.rule.VoidRule;
import votes.proofs.merkle.VoidLeaf;

/**
 * The voids of poll-events, applied by the rule the ledger applies ({@code ledger/…/voiding/VoidWriter}), after every
 * vote was judged (a void names votes by id; which of them are recorded is the replay's own verdict, whatever the
 * order the ledger met the two topics in):
 * <ul>
 *     <li>every decoded VotesVoided is a leaf {@code VoidLeaf.of(v, partition, offset)} of log
 *     {@code VoidLeaf.logId(partition)}, in offset order, counted or not, of any poll — once per event id: the
 *     ledger finds an event id it applied before in {@code vote_voids} and changes nothing, so a re-appended copy
 *     is no leaf, no row, no void;</li>
 *     <li>a void COUNTS iff its poll exists in the fold of the whole log and {@code voidedAt} is before the poll's
 *     {@link Poll#effectiveCloseAt()} (none: it counts), both at microseconds as the ledger compares them (its
 *     {@code polls} row and the void's leaf keep no more);</li>
 *     <li>a counted void voids each named id that is a recorded vote of its poll not voided by an earlier void
 *     (earlier = (partition, offset) order: a poll's events share a partition);</li>
 * </ul>
 * Pure: the caller feeds what it read, from Kafka or from a test, in any interleaving of partitions.
 */
public final class VoidReplay {

    private static final Comparator<LoggedVoid> LOG_ORDER =
            Comparator.comparingInt(LoggedVoid::partition).thenComparingLong(LoggedVoid::offset);

    private final Map<String, Poll> polls;
    private final String pollFilter;
    private final Map<Integer, Set<Long>> wantedSizes;

    /**
     * @param polls every poll folded from the whole of poll-events
     * @param pollFilter apply only this poll's voids (every void is still a leaf), or null
     * @param wantedSizes log id → the sizes whose roots will be compared (checkpoints, merkle_logs)
     */
    public VoidReplay(Map<String, Poll> polls, String pollFilter, Map<Integer, Set<Long>> wantedSizes) {
        this.polls = Map.copyOf(polls);
        this.pollFilter = pollFilter;
        this.wantedSizes = Map.copyOf(wantedSizes);
    }

    /**
     * Whether a void dated {@code voidedAt} counts against {@code poll} (null: a poll the log never created): the
     * ledger's {@link VoidRule}, on instants at microseconds as the ledger holds them (its polls row, the void's leaf).
     */
    public static boolean counts(Poll poll, Instant voidedAt) {
        Instant close = poll == null ? null : poll.effectiveCloseAt();
        return VoidRule.counts(poll != null, close == null ? null : close.truncatedTo(ChronoUnit.MICROS),
                voidedAt.truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * @param voids every VotesVoided decoded below {@code endOffsets}, in any order
     * @param verdicts the replay's verdict per vote event id (of the audited polls); the voided ones are marked
     */
    public VoidOutcome replay(List<LoggedVoid> voids, Map<Integer, Long> endOffsets, Map<UUID, Expected> verdicts) {
        List<LoggedVoid> ordered = new ArrayList<>(voids);
        ordered.sort(LOG_ORDER);
        Map<Integer, RootHistory> logs = new HashMap<>();
        Map<UUID, ExpectedVoid> expected = new HashMap<>();
        Map<String, Map<String, Long>> voided = new HashMap<>();
        Set<UUID> seen = new HashSet<>();
        long reappended = 0;
        long counted = 0;
        long votesVoided = 0;
        for (LoggedVoid logged : ordered) {
            VotesVoided v = logged.event();
            if (!seen.add(v.eventId())) {
                reappended++;
                continue;
            }
            int logId = VoidLeaf.logId(logged.partition());
            RootHistory log = logs.computeIfAbsent(logId, id -> new RootHistory(wantedSizes.getOrDefault(id, Set.of())));
            long leafIndex = log.size();
            log.append(VoidLeaf.of(v, logged.partition(), logged.offset()).hash());
            if (pollFilter != null && !pollFilter.equals(v.pollId())) {
                continue;
            }
            boolean counts = counts(polls.get(v.pollId()), v.voidedAt());
            List<Expected> votes = counts ? voidable(v, verdicts) : List.of();
            ExpectedVoid applied = new ExpectedVoid(v.eventId(), v.pollId(), v.flagId(), v.reason(),
                    v.voidedAt().truncatedTo(ChronoUnit.MICROS), v.voteIds().size(), votes.size(), counts,
                    logged.partition(), logged.offset(), logId, leafIndex);
            for (Expected vote : votes) {
                vote.voidedBy(applied);
                voided.computeIfAbsent(vote.pollId(), k -> new HashMap<>()).merge(vote.optionId(), 1L, Long::sum);
            }
            expected.put(v.eventId(), applied);
            counted += counts ? 1 : 0;
            votesVoided += votes.size();
        }
        return new VoidOutcome(expected, logs, Map.copyOf(endOffsets), voided,
                new VoidOutcome.Counts(ordered.size(), reappended, counted, votesVoided));
    }

    /** The votes a counted void voids: recorded votes of its poll, not voided before, each once. */
    private static List<Expected> voidable(VotesVoided v, Map<UUID, Expected> verdicts) {
        List<Expected> votes = new ArrayList<>();
        Set<UUID> named = new HashSet<>();
        for (UUID id : v.voteIds()) {
            Expected vote = verdicts.get(id);
            if (vote != null && vote.recorded() && vote.pollId().equals(v.pollId()) && vote.voidedBy() == null
                    && named.add(id)) {
                votes.add(vote);
            }
        }
        return votes;
    }
}
