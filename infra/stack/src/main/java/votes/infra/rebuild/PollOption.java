package votes.infra.rebuild;

/** One option of one poll: what votes and tally deltas are counted per. */
public record PollOption(String poll, String option) implements Comparable<PollOption> {

    @Override
    public int compareTo(PollOption other) {
        int byPoll = poll.compareTo(other.poll);
        return byPoll != 0 ? byPoll : option.compareTo(other.option);
    }

    @Override
    public String toString() {
        return poll + "/" + option;
    }
}
