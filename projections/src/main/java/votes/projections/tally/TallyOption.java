package votes.projections.tally;

/** Votes for one option; {@code label} is null while the poll row is unknown. */
public record TallyOption(String optionId, String label, long votes) {
}
