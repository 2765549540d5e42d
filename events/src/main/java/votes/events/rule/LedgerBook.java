package votes.events.rule;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import votes.events.poll.Poll;
import votes.events.vote.VoteSubmitted;

/**
 * Applies {@link LedgerRule} to votes in log order while remembering who has a recorded vote, so that
 * within one batch (the ledger) or one whole log (the audit replay) the first valid vote wins. Not
 * thread-safe: one book per batch or per replay.
 */
public final class LedgerBook {

    private record Slot(String pollId, String voterId) {
    }

    /** HashMap's default load factor: a map grows once it holds more than capacity × this many entries. */
    private static final float LOAD_FACTOR = 0.75f;

    private final Function<String, Poll> polls;
    private final Map<Slot, UUID> recorded;
    private final Set<UUID> recordedEvents;

    /**
     * A book that grows with what it judges (the audit replay's, over a whole log).
     *
     * @param polls looks a poll up by id; returns null for a poll that does not exist
     */
    public LedgerBook(Function<String, Poll> polls) {
        this(polls, 0);
    }

    /**
     * A book sized for about {@code votes} votes, so that it does not grow while it judges them: the ledger makes
     * one per batch of up to a few thousand.
     */
    public LedgerBook(Function<String, Poll> polls, int votes) {
        this.polls = polls;
        int capacity = (int) (votes / LOAD_FACTOR) + 1;
        this.recorded = new HashMap<>(capacity);
        this.recordedEvents = new HashSet<>(capacity);
    }

    /**
     * Tells the book about a vote already in the ledger (prefetched rows: those of the batch's (poll, voter) pairs
     * and those of its event ids).
     */
    public void remember(String pollId, String voterId, UUID eventId) {
        recorded.put(new Slot(pollId, voterId), eventId);
        recordedEvents.add(eventId);
    }

    /**
     * Judges the next vote in log order; a {@link Decision.Record} is remembered for the votes after it. An event id
     * already recorded, even under another (poll, voter) — only a faulty or hostile producer reuses one — is a
     * no-op like a redelivery: the receipt it names already exists, and the ledger must not stall on the database's
     * unique event id.
     */
    public Decision apply(VoteSubmitted vote) {
        if (recordedEvents.contains(vote.eventId())) {
            return Decision.ALREADY_RECORDED;
        }
        Slot slot = new Slot(vote.pollId(), vote.voterId());
        Decision decision = LedgerRule.decide(polls.apply(vote.pollId()), recorded.get(slot), vote);
        if (decision instanceof Decision.Record) {
            recorded.put(slot, vote.eventId());
            recordedEvents.add(vote.eventId());
        }
        return decision;
    }

    /**
     * Judges a poison record that carries an event id (see {@code VoteRecord.Poison#judged}), in log order like
     * {@link #apply}: a {@code malformed} rejection, unless a vote of that event id is already recorded (a reuse, a
     * no-op as in {@link #apply}). The book remembers nothing of it: it names no (poll, voter) that could count.
     */
    public Decision applyPoison(UUID eventId) {
        return recordedEvents.contains(eventId) ? Decision.ALREADY_RECORDED : Decision.reject(RejectionReason.MALFORMED);
    }

    /** The event recorded for this (poll, voter), or null. */
    public UUID recordedEvent(String pollId, String voterId) {
        return recorded.get(new Slot(pollId, voterId));
    }

    public int recordedCount() {
        return recorded.size();
    }
}
