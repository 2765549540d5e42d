package votes.ingest.warmup;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import votes.ingest.abuse.Challenge;
import votes.ingest.vote.VoteCommand;

/**
 * The warm-up's votes, built so that they store nothing and touch no real voter's or client's limits: a poll id no
 * ledger poll can have (the ledger names polls with UUIDs), voter and device ids that are not the pseudonyms of any
 * token (those are HMAC hex), and client addresses from the benchmarking range 198.18.0.0/15 (RFC 2544), each vote
 * its own address and at most one vote in 256 per /24, so no address or prefix limit is reached. And each its own token
 * issue second, counted up from 1970-01-01T00:00:01: the bot score counts votes per issue second across the fleet
 * ({@code bot:mint:*}, a batch of minted accounts), so votes "minted" now would have put every real voter who signed in
 * during a start's warm-up into a bulk-minted batch, challenged and flagged (they did, before this: {@code ./vote up}'s
 * warm-up ended {@code ChallengeRequired=1947, PollNotFound=53}). The same ids at every start: the keys they leave in
 * Redis (rate-limit windows, the bot score's history) stay a bounded set.
 */
public final class WarmUpVotes {

    public static final String POLL_ID = "warm-up.ingest";
    private static final String OPTION = "a";
    static final String CLIENT = "votes-ingest-warm-up";
    private static final int PREFIXES = 256;
    private static final String WRONG_PROOF = "warm-up";

    private WarmUpVotes() {
    }

    static VoteCommand vote(int i) {
        return answering(i, null, null);
    }

    /** Vote i again, with an answer to its challenge that is (almost surely: 1 in 2^difficulty) wrong. */
    static VoteCommand answering(int i, Challenge challenge) {
        return answering(i, WRONG_PROOF, challenge.nonce());
    }

    private static VoteCommand answering(int i, String proof, String nonce) {
        return new VoteCommand(POLL_ID, voterId(i), CLIENT, OPTION, null, voterId(i), address(i), CLIENT,
                proof, nonce, "en", null, tokenIssuedAt(i), List.of());
    }

    /** Vote i's client address. */
    static String address(int i) {
        return "198.18." + (i % PREFIXES) + "." + (i / PREFIXES % PREFIXES);
    }

    /** Vote i's token issue second: its own, long before any real token's. */
    public static Instant tokenIssuedAt(int i) {
        return Instant.ofEpochSecond(1L + i);
    }

    /** Vote i's voter id (and device id). */
    public static String voterId(int i) {
        return CLIENT + "-" + i;
    }

    static byte[] body() {
        return ("{\"optionId\":\"" + OPTION + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
