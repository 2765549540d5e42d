package votes.audit.check;

/** The poll an audit compares ({@code --poll}), or every poll when {@code poll} is null. */
public record PollScope(String poll) {

    public boolean audited(String pollId) {
        return poll == null || poll.equals(pollId);
    }
}
