package votes.events.vote;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A voter asked to cast a ballot. Immutable fact on {@code votes.submitted}; whether it counts is decided
 * later, by the ledger rule. The event id doubles as the voter's receipt id.
 *
 * @param voterId pseudonymous: a keyed HMAC of the identity provider's subject, never the subject itself
 * @param idempotencyKey the client's retry key, or null
 * @param voterKeyId which pseudonym key made {@code voterId} ({@code VoterIds.keyId()}); null in events written
 *                   before keys had ids. Added without a schema version bump: readers ignore what they do not know.
 */
public record VoteSubmitted(
        int schemaVersion,
        UUID eventId,
        String pollId,
        String voterId,
        String optionId,
        Instant submittedAt,
        String idempotencyKey,
        ClientFacts client,
        String voterKeyId) {

    public static final int SCHEMA_VERSION = 1;

    public VoteSubmitted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(pollId, "pollId");
        Objects.requireNonNull(voterId, "voterId");
        Objects.requireNonNull(optionId, "optionId");
        Objects.requireNonNull(submittedAt, "submittedAt");
        client = client == null ? ClientFacts.NONE : client;
    }

    /** A vote whose pseudonym key is not named (tests, synthetic load). */
    public static VoteSubmitted of(UUID eventId, String pollId, String voterId, String optionId,
                                   Instant submittedAt, String idempotencyKey, ClientFacts client) {
        return of(eventId, pollId, voterId, optionId, submittedAt, idempotencyKey, client, null);
    }

    public static VoteSubmitted of(UUID eventId, String pollId, String voterId, String optionId,
                                   Instant submittedAt, String idempotencyKey, ClientFacts client, String voterKeyId) {
        return new VoteSubmitted(SCHEMA_VERSION, eventId, pollId, voterId, optionId, submittedAt, idempotencyKey, client,
                voterKeyId);
    }
}
