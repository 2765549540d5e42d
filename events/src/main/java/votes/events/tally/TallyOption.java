package votes.events.tally;

/** Votes for one option of a {@link Tally}; {@code label} is null while the poll row is unknown. */
public record TallyOption(String optionId, String label, long votes) {
}
