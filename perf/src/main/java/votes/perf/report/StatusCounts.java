package votes.perf.report;

/**
 * Responses by outcome. {@code accepted} = the expected answer: 202 for a first vote (the default), 200 for a read
 * of results; 409/429/503 are the server's named refusals, and {@code shed} counts the 503s whose problem type is
 * {@code overloaded} (shed before the vote was handed to the log; they are in {@code unavailable} too);
 * {@code failed} = no HTTP answer at all (connect error, timeout, client pool queue full); {@code unfinished} =
 * still outstanding when the phase's drain time ran out. Mutable, one per event loop, merged at the end.
 */
public final class StatusCounts {

    private final int expected;
    private long accepted;
    private long duplicate;
    private long rateLimited;
    private long unavailable;
    private long shed;
    private long otherStatus;
    private long failed;
    private long unfinished;

    /** Counts for first votes: 202 expected. */
    public StatusCounts() {
        this(202);
    }

    public StatusCounts(int expectedStatus) {
        this.expected = expectedStatus;
    }

    public void record(int status) {
        if (status == expected) {
            accepted++;
            return;
        }
        switch (status) {
            case 409 -> duplicate++;
            case 429 -> rateLimited++;
            case 503 -> unavailable++;
            default -> otherStatus++;
        }
    }

    /** A 503 {@code overloaded}: the server shed the request. */
    public void recordShed() {
        unavailable++;
        shed++;
    }

    public void recordFailure() {
        failed++;
    }

    public void recordUnfinished(long n) {
        unfinished += n;
    }

    public void add(StatusCounts other) {
        accepted += other.accepted;
        duplicate += other.duplicate;
        rateLimited += other.rateLimited;
        unavailable += other.unavailable;
        shed += other.shed;
        otherStatus += other.otherStatus;
        failed += other.failed;
        unfinished += other.unfinished;
    }

    public long total() {
        return accepted + errors();
    }

    /** Everything that is not the expected answer. */
    public long errors() {
        return duplicate + rateLimited + unavailable + otherStatus + failed + unfinished;
    }

    /** Errors over all requests; 0 for no requests. */
    public double errorRate() {
        long total = total();
        return total == 0 ? 0 : (double) errors() / total;
    }

    public long accepted() {
        return accepted;
    }

    public long duplicate() {
        return duplicate;
    }

    public long rateLimited() {
        return rateLimited;
    }

    public long unavailable() {
        return unavailable;
    }

    public long shed() {
        return shed;
    }

    /** Shed requests over all requests; 0 for no requests. */
    public double shedRate() {
        long total = total();
        return total == 0 ? 0 : (double) shed / total;
    }

    /**
     * Requests answered as an overloaded server should answer a first vote: 202, 429 or 503. Not: no answer at
     * all (failed, unfinished), a 409 (every request is a distinct voter's first vote) or any other status.
     */
    public long answeredAsDesigned() {
        return accepted + rateLimited + unavailable;
    }

    public long otherStatus() {
        return otherStatus;
    }

    public long failed() {
        return failed;
    }

    public long unfinished() {
        return unfinished;
    }

    @Override
    public String toString() {
        return expected + "=" + accepted + " 409=" + duplicate + " 429=" + rateLimited + " 503=" + unavailable
                + " (shed=" + shed + ") other=" + otherStatus + " failed=" + failed + " unfinished=" + unfinished;
    }
}
