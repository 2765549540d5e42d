package votes.perf.capacity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import votes.events.codec.EventCodec;
import votes.events.id.EventIds;
import votes.events.key.PartitionKeys;
import votes.events.key.VoterIds;
import votes.events.receipt.AcceptedReceipt;
import votes.events.receipt.PendingReceipt;
import votes.events.tally.Tally;
import votes.events.tally.TallyOption;
import votes.events.vote.ClientFacts;
import votes.events.vote.ClientHashes;
import votes.events.vote.VoteSubmitted;

/**
 * Bytes of what one vote puts on the wire and in Redis, encoded by the project's own codec from values shaped as
 * production makes them (ingest's SubmitVote: a 43-char voter id, v7 UUIDs, keyed hashes, an Idempotency-Key and a
 * device id as a client sends them). Every field but the option id and labels has a fixed width, so the sizes are a
 * property of the schema, not of the sample.
 */
public final class EventSizes {

    /** Option ids are the poll creator's; short ones like these are what the API examples and tests use. */
    static final String OPTION_ID = "opt-3";
    /** Labels likewise: a short candidate name. */
    static final String LABEL = "Candidate number 3";
    /** ingest's clock on Linux gives microseconds: ISO-8601 then carries six fraction digits. */
    static final Instant AT = Instant.parse("2026-11-30T12:00:00.123456Z");

    private final String pollId;
    private final String voterId;
    private final String idempotencyKey;
    private final ClientFacts client;
    private final String voterKeyId;

    /** @param seed distinguishes the voter, device and client of the sample (different seeds, same sizes) */
    public EventSizes(String seed) {
        VoterIds voterIds = new VoterIds("capacity-model-voter-key-" + seed);
        ClientHashes hashes = new ClientHashes("capacity-model-client-key-" + seed);
        this.pollId = EventIds.next().toString();
        this.voterId = voterIds.of("subject-" + seed);
        this.voterKeyId = voterIds.keyId();
        this.idempotencyKey = UUID.randomUUID().toString();
        this.client = new ClientFacts(UUID.randomUUID().toString(), hashes.of("203.0.113." + seed.length()),
                hashes.of("Mozilla/5.0 " + seed));
    }

    /** The {@code votes.submitted} record's value, as ingest appends it. */
    public int voteValue() {
        return EventCodec.encode(VoteSubmitted.of(EventIds.next(), pollId, voterId, OPTION_ID, AT, idempotencyKey,
                client, voterKeyId)).length;
    }

    /** The record's key: (poll, voter), so one voter's attempts stay on one partition. */
    public int voteKey() {
        return utf8(PartitionKeys.vote(pollId, voterId));
    }

    /** The 202's body and the value of the voter's slot and Idempotency-Key in Redis. */
    public int acceptedReceipt() {
        return utf8(EventCodec.encode(AcceptedReceipt.of(EventIds.next(), pollId, OPTION_ID, AT)));
    }

    /** The value of {@code receipt:<id>} in Redis, which ingest leaves for the ledger. */
    public int pendingReceipt() {
        return utf8(EventCodec.encode(new PendingReceipt(EventIds.next(), pollId, OPTION_ID, voterId, AT)));
    }

    /** A {@code vote-tallies} value with this many options (an SSE frame's data is the same tally with shares). */
    public int tally(int options) {
        List<TallyOption> list = new ArrayList<>(options);
        for (int i = 0; i < options; i++) {
            list.add(new TallyOption("opt-" + i, LABEL, 12_345_678L));
        }
        return EventCodec.encode(new Tally(pollId, "A poll title of about forty characters.", list,
                12_345_678L * options, 1_234_567L, AT, false)).length;
    }

    /** The voter id's length: what every voter-scoped Redis key carries in braces. */
    public int voterId() {
        return voterId.length();
    }

    /** A poll id's length (a UUID). */
    public int pollId() {
        return pollId.length();
    }

    /** An Idempotency-Key's length as clients send it (a UUID). */
    public int idempotencyKey() {
        return idempotencyKey.length();
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
