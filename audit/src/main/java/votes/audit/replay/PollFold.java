package votes.audit.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import votes.events.codec.EventCodec;
import votes.events.codec.EventCodecException;
import votes.events.poll.Poll;
import votes.events.poll.PollEvent;
import votes.events.poll.VotesVoided;

/**
 * Folds poll-events into polls with {@link Poll#fold}, the same fold the ledger's poll projector applies (it ignores
 * a {@link VotesVoided}), and keeps every VotesVoided with its position for {@link VoidReplay}.
 */
public final class PollFold {

    private final Map<String, Poll> polls = new HashMap<>();
    private final List<LoggedVoid> voids = new ArrayList<>();
    private long events;
    private long undecodable;

    /** One record's value as read from poll-events: undecodable ones are counted and skipped, as the ledger does. */
    public void accept(int partition, long offset, byte[] value) {
        if (value == null) {
            return;
        }
        try {
            accept(EventCodec.decodePollEvent(value), partition, offset);
        } catch (EventCodecException e) {
            undecodable++;
        }
    }

    public void accept(PollEvent event, int partition, long offset) {
        events++;
        if (event instanceof VotesVoided voided) {
            voids.add(new LoggedVoid(voided, partition, offset));
        }
        Poll folded = Poll.fold(polls.get(event.pollId()), event);
        if (folded != null) {
            polls.put(folded.pollId(), folded);
        }
    }

    public Map<String, Poll> polls() {
        return Map.copyOf(polls);
    }

    /** Every VotesVoided folded, in the order read (offset order within a partition). */
    public List<LoggedVoid> voids() {
        return List.copyOf(voids);
    }

    public long events() {
        return events;
    }

    public long undecodable() {
        return undecodable;
    }
}
