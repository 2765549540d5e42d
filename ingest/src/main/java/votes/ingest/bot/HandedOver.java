package votes.ingest.bot;

/** An accepted vote of a group seen for what it is, to be flagged with the group's flag. */
public record HandedOver(AcceptedList list, AcceptedVote vote) {
}
