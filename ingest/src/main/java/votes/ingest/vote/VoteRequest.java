package votes.ingest.vote;

/** What a voter sends: only the option. The poll comes from the path, the voter from the token. */
public record VoteRequest(String optionId) {
}
