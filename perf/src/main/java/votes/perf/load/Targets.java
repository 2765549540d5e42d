package votes.perf.load;

import java.util.List;

/**
 * Which (poll, voter) a request uses. Every request must be a first vote, or the server answers 409 from its
 * fast path and we would measure a different, cheaper path. Minting a token costs ~1 ms of RSA, so instead of
 * one voter per request we reuse each voter once per poll: request i votes as voter {@code i % voters} in poll
 * {@code i / voters}. Distinct pairs for i below {@link #capacity()}.
 */
public record Targets(List<String> polls, int voters) {

    public Targets {
        polls = List.copyOf(polls);
        if (polls.isEmpty()) {
            throw new IllegalArgumentException("at least one poll is needed");
        }
        if (voters < 1) {
            throw new IllegalArgumentException("at least one voter is needed");
        }
    }

    public long capacity() {
        return (long) polls.size() * voters;
    }

    public String poll(long i) {
        check(i);
        return polls.get((int) (i / voters));
    }

    public int voter(long i) {
        check(i);
        return (int) (i % voters);
    }

    private void check(long i) {
        if (i < 0 || i >= capacity()) {
            throw new IllegalArgumentException("request " + i + " exceeds the " + capacity()
                    + " distinct (poll, voter) pairs: add polls (--poll) or voters (--voters)");
        }
    }
}
