package votes.audit.replay;

import java.util.HashMap;
import java.util.Map;
import votes.events.codec.EventCodec;
import votes.events.codec.EventCodecException;
import votes.events.poll.Poll;
import votes.events.poll.PollEvent;

/** Folds poll-events into polls with {@link Poll#fold}, the same fold the ledger's poll projector applies. */
public final class PollFold {

    private final Map<String, Poll> polls = new HashMap<>();
    private long events;
    private long undecodable;

    /** One record's value as read from poll-events: undecodable ones are counted and skipped, as the ledger does. */
    public void accept(byte[] value) {
        if (value == null) {
            return;
        }
        try {
            accept(EventCodec.decodePollEvent(value));
        } catch (EventCodecException e) {
            undecodable++;
        }
    }

    public void accept(PollEvent event) {
        events++;
        Poll folded = Poll.fold(polls.get(event.pollId()), event);
        if (folded != null) {
            polls.put(folded.pollId(), folded);
        }
    }

    public Map<String, Poll> polls() {
        return Map.copyOf(polls);
    }

    public long events() {
        return events;
    }

    public long undecodable() {
        return undecodable;
    }
}
