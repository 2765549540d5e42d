package votes.ingest.fastpath;

import votes.events.receipt.AcceptedReceipt;

/**
 * A voter's slot in a poll ({@code vote:{voter}:poll:<poll>}) claimed for one receipt before its vote is appended.
 * {@code value} is the exact string the slot holds (the receipt's JSON), so releasing and settling can compare
 * it: an attempt only ever frees or overwrites its own claim.
 */
public record Reservation(String voterId, AcceptedReceipt receipt, String value) {

    public String slotKey() {
        return RedisKeys.votedIn(voterId, receipt.pollId());
    }
}
