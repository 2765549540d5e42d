package votes.ingest.abuse;

/**
 * One limit on one key kind: {@code limit} votes per {@code windowMillis}, at most {@code burst} at once.
 * A BUCKET refills {@code limit} tokens per window into a bucket of {@code burst}; a LOG is a sliding log (see
 * {@link SlidingLog}). A limit of 0 switches the kind off.
 */
public record Limit(String kind, Shape shape, long limit, long windowMillis, long burst) {

    public enum Shape { BUCKET, LOG }

    public Limit {
        if (limit < 0 || windowMillis <= 0 || (limit > 0 && burst < 1)) {
            throw new IllegalArgumentException("bad " + kind + " limit: " + limit + " per " + windowMillis
                    + " ms, burst " + burst);
        }
    }

    public boolean on() {
        return limit > 0;
    }
}
