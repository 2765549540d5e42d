package votes.events.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.events.deadletter.DeadLetterReason;
import votes.events.id.EventIds;
import votes.events.vote.VoteSubmitted;

class VoteRecordsTest {

    private static final Instant AT = Instant.parse("2026-11-21T20:15:30.123456Z");
    private static final UUID EVENT = UUID.fromString("0192f3a4-0000-7000-8000-000000000001");

    @Test
    void aStorableVoteIsAVoteWithItsOwnBytes() {
        VoteSubmitted vote = VoteSubmitted.of(EventIds.next(), "p1", "voter", "a", AT, null, null);
        byte[] bytes = EventCodec.encode(vote);
        VoteRecord read = VoteRecords.read(bytes);
        assertThat(read).isInstanceOf(VoteRecord.Vote.class);
        assertThat(((VoteRecord.Vote) read).vote()).isEqualTo(vote);
        assertThat(read.value()).isSameAs(bytes);
    }

    @Test
    void aVoterIdWithANulCharacterIsMalformedAndKeepsItsOtherFields() {
        VoteSubmitted vote = VoteSubmitted.of(EVENT, "p1", "vo\u0000ter", "a", AT, null, null);
        VoteRecord.Poison poison = poison(EventCodec.encode(vote));
        assertThat(poison.reason()).isEqualTo(DeadLetterReason.MALFORMED);
        assertThat(poison.detail()).isEqualTo("voterId holds a NUL character at index 2");
        assertThat(poison.judged()).isTrue();
        assertThat(poison.eventId()).isEqualTo(EVENT);
        assertThat(poison.pollId()).isEqualTo("p1");
        assertThat(poison.voterId()).isNull();
        assertThat(poison.optionId()).isEqualTo("a");
        assertThat(poison.submittedAt()).isEqualTo(AT);
    }

    @Test
    void aTimestampPastYear9999IsMalformed() {
        byte[] value = json("{\"schemaVersion\":1,\"eventId\":\"" + EVENT + "\",\"pollId\":\"p1\",\"voterId\":\"v\","
                + "\"optionId\":\"a\",\"submittedAt\":\"+300000-01-01T00:00:00Z\"}");
        VoteRecord.Poison poison = poison(value);
        assertThat(poison.reason()).isEqualTo(DeadLetterReason.MALFORMED);
        assertThat(poison.detail()).contains("submittedAt").contains("outside years 1-9999");
        assertThat(poison.submittedAt()).isNull();
        assertThat(poison.voterId()).isEqualTo("v");
    }

    @Test
    void anUnpairedSurrogateOrAnOverlongIdIsMalformed() {
        VoteSubmitted surrogate = VoteSubmitted.of(EVENT, "p1", "v\uD800x", "a", AT, null, null);
        assertThat(poison(EventCodec.encode(surrogate)).detail()).isEqualTo("voterId holds an unpaired UTF-16 surrogate at index 1");
        VoteSubmitted overlong = VoteSubmitted.of(EVENT, "p1", "v".repeat(3000), "a", AT, null, null);
        assertThat(poison(EventCodec.encode(overlong)).detail()).isEqualTo("voterId has 3000 characters (at most 256)");
        VoteSubmitted emoji = VoteSubmitted.of(EVENT, "p1", "v\uD83D\uDE00", "a", AT, null, null);
        assertThat(VoteRecords.read(EventCodec.encode(emoji))).isInstanceOf(VoteRecord.Vote.class);
    }

    @Test
    void anUnknownSchemaVersionIsDeadLetteredButNotJudged() {
        byte[] value = json("{\"schemaVersion\":2,\"eventId\":\"" + EVENT + "\",\"pollId\":\"p1\",\"voterId\":\"v\","
                + "\"optionId\":\"a\",\"submittedAt\":\"2026-11-21T20:15:30Z\",\"weight\":3}");
        VoteRecord.Poison poison = poison(value);
        assertThat(poison.reason()).isEqualTo(DeadLetterReason.UNKNOWN_SCHEMA_VERSION);
        assertThat(poison.detail()).isEqualTo("schemaVersion 2 is not supported (known: 1)");
        assertThat(poison.eventId()).isEqualTo(EVENT);
        assertThat(poison.judged()).isFalse();
    }

    @Test
    void aMissingFieldIsUndecodableAndKeepsWhatItCarries() {
        byte[] value = json("{\"schemaVersion\":1,\"eventId\":\"" + EVENT + "\",\"pollId\":\"p1\",\"optionId\":\"a\","
                + "\"submittedAt\":\"2026-11-21T20:15:30Z\"}");
        VoteRecord.Poison poison = poison(value);
        assertThat(poison.reason()).isEqualTo(DeadLetterReason.UNDECODABLE);
        assertThat(poison.detail()).contains("voterId");
        assertThat(poison.judged()).isTrue();
        assertThat(poison.pollId()).isEqualTo("p1");
        assertThat(poison.voterId()).isNull();
        assertThat(poison.submittedAt()).isEqualTo(Instant.parse("2026-11-21T20:15:30Z"));
    }

    @Test
    void garbageAndTombstonesAreUndecodableWithoutAnEventId() {
        for (byte[] value : new byte[][] {json("not json at all"), json("[1,2]"), new byte[0], null}) {
            VoteRecord.Poison poison = poison(value);
            assertThat(poison.reason()).isEqualTo(DeadLetterReason.UNDECODABLE);
            assertThat(poison.eventId()).isNull();
            assertThat(poison.judged()).isFalse();
        }
    }

    @Test
    void onlyACanonicalUuidNamesAnEvent() {
        assertThat(poison(json("{\"eventId\":\"1-2-3-4-5\"}")).eventId()).isNull();
        assertThat(poison(json("{\"eventId\":42}")).eventId()).isNull();
        assertThat(poison(json("{\"eventId\":\"" + EVENT + "\"}")).eventId()).isEqualTo(EVENT);
    }

    @Test
    void aLongDecodingErrorIsShortenedToOneLine() {
        byte[] value = json("{\"schemaVersion\":1,\"eventId\":\"" + EVENT + "\",\"pollId\":\"" + "x\\n".repeat(500) + "\"");
        String detail = poison(value).detail();
        assertThat(detail).doesNotContain("\n").hasSizeLessThanOrEqualTo(301);
    }

    private static VoteRecord.Poison poison(byte[] value) {
        VoteRecord read = VoteRecords.read(value);
        assertThat(read).isInstanceOf(VoteRecord.Poison.class);
        assertThat(read.value()).isSameAs(value);
        return (VoteRecord.Poison) read;
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
