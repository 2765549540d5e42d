package votes.audit.replay;

import votes.events.poll.VotesVoided;

/** A {@link VotesVoided} as read from poll-events, with its position: the position is its leaf and its order. */
public record LoggedVoid(VotesVoided event, int partition, long offset) {
}
