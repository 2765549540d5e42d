package votes.audit.check;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import votes.audit.deadletter.PublishedLetters;
import votes.audit.ledger.LedgerSnapshot;
import votes.audit.ledger.MerkleState;
import votes.audit.ledger.RejectionRow;
import votes.audit.ledger.VoidRow;
import votes.audit.ledger.VoteRow;
import votes.audit.replay.Expected;
import votes.audit.replay.ReplayOutcome;
import votes.events.poll.Poll;

/**
 * Compares the replay with the ledger: the one place that lists the ledger's checklist items ({@link AuditCheck}).
 * The rows are streamed in (partition, leaf/offset) order through {@link #vote} and {@link #rejection} and looked
 * up in the replay's hash map, so a million rows cost a million map lookups, not a million queries; everything
 * else is small. Pure: the tests feed it in-memory data.
 */
public final class LedgerAudit {

    private final ReplayOutcome replay;
    private final PollScope scope;
    private final LedgerRows rows = new LedgerRows();
    private final PublishedTalliesAgree published = new PublishedTalliesAgree();
    private final VoidsApplied voids;
    /** In checklist order: the items see each row in this order and print in it. */
    private final List<AuditCheck> checks;
    private final List<String> notes = new ArrayList<>();

    public LedgerAudit(ReplayOutcome replay, String pollFilter, MerkleState merkle) {
        this.replay = replay;
        this.scope = new PollScope(pollFilter);
        this.voids = new VoidsApplied(replay.voids());
        this.checks = List.of(new EveryEventJudged(), new RecordedAsRuled(), new RejectedAsRuled(), new NoOrphanRows(),
                new NeverBothVerdicts(), new PollsAsFolded(), new VotersOnce(), new TalliesAgree(), published,
                new MerkleLogsAgree(merkle.wantedSizes()), new CheckpointsAgree(), new KeyedByPollAndVoter(),
                new PoisonDeadLettered(), voids);
    }

    /** The ledger's {@code vote_voids} rows (of the audited polls), before the first vote; null before V9. */
    public void voids(List<VoidRow> voidRows) {
        for (AuditCheck check : checks) {
            check.voids(voidRows);
        }
        voids.latePolls().forEach(rows::voidedPastEnd);
    }

    /** The next {@code votes} row, in (partition, leaf index, offset) order. */
    public void vote(VoteRow row) {
        if (beyondReplay(row.partition(), row.offset())) {
            rows.beyondReplay(row.pollId());
            return;
        }
        for (AuditCheck check : checks) {
            check.anyVote(row);
        }
        if (!scope.audited(row.pollId())) {
            return;
        }
        rows.vote(row.pollId(), row.optionId(), row.voided() == null || voids.voidedLate(row));
        Expected e = replay.expected().get(row.eventId());
        if (e != null) {
            e.markSeen(Expected.SEEN_RECORDED);
        }
        for (AuditCheck check : checks) {
            check.vote(row, e);
        }
    }

    /** The next {@code rejections} row, in (partition, offset) order. */
    public void rejection(RejectionRow row) {
        if (beyondReplay(row.partition(), row.offset())) {
            rows.beyondReplay(null);
            return;
        }
        if (!scope.audited(row.pollId())) {
            return;
        }
        rows.rejection();
        Expected e = replay.expected().get(row.eventId());
        for (AuditCheck check : checks) {
            check.rejection(row, e);
        }
        if (e != null) {
            e.markSeen(Expected.SEEN_REJECTED);
        }
    }

    /**
     * The checklist, once every row went through.
     *
     * @param published poll → option → votes from vote-tallies, or null when the topic does not exist
     * @param live polls with votes recorded past the replay's end offsets (besides those the rows showed): their
     *             published tallies count votes the replay did not judge, so they are not compared
     * @param pollsAfter the polls folded from poll-events once the ledger was read, or null: a poll that differs
     *                   from the replay's fold only because it was created or closed meanwhile is a note
     * @param trusted the key checkpoints must be signed with, or null (then {@code keyProblem} says why)
     * @param deadLetters the letters of votes.dead-letter, or null when the topic does not exist
     */
    public Checklist finish(LedgerSnapshot ledger, MerkleState merkle, Map<String, Map<String, Long>> published,
                            Set<String> live, Map<String, Poll> pollsAfter, PublicKey trusted, String keyProblem,
                            PublishedLetters deadLetters) {
        Evidence evidence = new Evidence(replay, scope, rows, ledger, merkle, published, live, pollsAfter, trusted,
                keyProblem, deadLetters, notes);
        return new Checklist(checks.stream().map(check -> check.verdict(evidence)).toList());
    }

    /** What an operator should know to read the checklist (live polls left out, polls changed during the run). */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * Item 9 alone: the caller reads vote-tallies again until it holds or its patience ends, since the projections
     * trail the ledger by design.
     */
    public Check published(Map<String, Map<String, Long>> published, Set<String> live) {
        return this.published.verdict(new Evidence(replay, scope, rows, null, null, published, live, null, null, null,
                null, null));
    }

    /** Written after the replay's end offsets were taken: not ours to judge. */
    private boolean beyondReplay(int partition, long offset) {
        return offset >= replay.endOffsets().getOrDefault(partition, 0L);
    }
}
