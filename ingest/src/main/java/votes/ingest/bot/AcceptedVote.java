package votes.ingest.bot;

import java.util.UUID;

/**
 * A vote a rate-limit key admitted and the log acked, as the key's accepted list in Redis holds it (settle.lua
 * writes it, check.lua hands the list over when that key refuses a vote).
 */
public record AcceptedVote(UUID voteId, String pollId) {

    /** The list's entry: the vote id first (fixed length), then the poll id, which may hold any character but none. */
    public String entry() {
        return voteId + " " + pollId;
    }

    public static AcceptedVote parse(String entry) {
        int space = entry.indexOf(' ');
        return new AcceptedVote(UUID.fromString(entry.substring(0, space)), entry.substring(space + 1));
    }
}
