package votes.events.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import votes.events.flag.FlagSubject;
import votes.events.flag.VoteFlagged;
import votes.events.id.EventIds;
import votes.events.poll.PollClosed;
import votes.events.poll.PollCreated;
import votes.events.poll.PollEvent;
import votes.events.poll.PollOption;
import votes.events.poll.VotesVoided;
import votes.events.vote.ClientFacts;
import votes.events.vote.ClientHashes;
import votes.events.vote.VoteSubmitted;

class EventCodecTest {

    private static final Instant AT = Instant.parse("2026-11-21T20:15:30.123456Z");

    @Test
    void voteSurvivesARoundTripIncludingClientFactsAndMicroseconds() {
        ClientHashes hashes = new ClientHashes("client-facts-key-of-this-test-0123456789");
        VoteSubmitted vote = VoteSubmitted.of(EventIds.next(), "p1", "voterHash", "a", AT, "retry-1",
                new ClientFacts("device-9", hashes.of("10.0.0.1"), hashes.of("curl/8")), "6a0cda7c");
        assertThat(EventCodec.decodeVote(EventCodec.encode(vote))).isEqualTo(vote);
        assertThat(new String(EventCodec.encode(vote), StandardCharsets.UTF_8)).contains("\"voterKeyId\":\"6a0cda7c\"");
    }

    @Test
    void aVoteWrittenBeforeKeyIdsStillDecodesWithoutOne() {
        String old = "{\"schemaVersion\":1,\"eventId\":\"" + EventIds.next() + "\",\"pollId\":\"p\",\"voterId\":\"v\","
                + "\"optionId\":\"a\",\"submittedAt\":\"2026-11-21T20:00:00Z\",\"idempotencyKey\":null,"
                + "\"client\":{\"deviceId\":null,\"addressHash\":null,\"userAgentHash\":null}}";
        VoteSubmitted vote = EventCodec.decodeVote(old.getBytes(StandardCharsets.UTF_8));
        assertThat(vote.voterKeyId()).isNull();
        assertThat(vote.voterId()).isEqualTo("v");
    }

    @Test
    void encodedVoteCarriesItsSchemaVersion() {
        VoteSubmitted vote = VoteSubmitted.of(EventIds.next(), "p1", "v", "a", AT, null, null);
        assertThat(new String(EventCodec.encode(vote), StandardCharsets.UTF_8)).contains("\"schemaVersion\":1");
    }

    @Test
    void pollEventsRoundTripWithTheirType() {
        PollEvent created = PollCreated.of(EventIds.next(), "p1", "Final",
                List.of(new PollOption("a", "A"), new PollOption("b", "B")), null, AT, AT.minusSeconds(60));
        PollEvent closed = PollClosed.of(EventIds.next(), "p1", AT);
        assertThat(EventCodec.decodePollEvent(EventCodec.encode(created))).isEqualTo(created);
        assertThat(EventCodec.decodePollEvent(EventCodec.encode(closed))).isEqualTo(closed);
        assertThat(new String(EventCodec.encode(closed), StandardCharsets.UTF_8)).contains("\"type\":\"PollClosed\"");
    }

    @Test
    void votesVoidedRoundTripsOnPollEventsAndChangesNoPoll() {
        PollCreated created = PollCreated.of(EventIds.next(), "p1", "Final",
                List.of(new PollOption("a", "A"), new PollOption("b", "B")), null, AT, AT.minusSeconds(60));
        VotesVoided voided = VotesVoided.of(EventIds.next(), "p1", "flag-7", "bot farm on one /24",
                List.of(EventIds.next(), EventIds.next()), AT);
        assertThat(EventCodec.decodePollEvent(EventCodec.encode(voided))).isEqualTo(voided);
        assertThat(new String(EventCodec.encode(voided), StandardCharsets.UTF_8)).contains("\"type\":\"VotesVoided\"");
        votes.events.poll.Poll poll = votes.events.poll.Poll.created(created);
        assertThat(poll.evolve(voided)).isEqualTo(poll);
    }

    @Test
    void aVoidNamesAtMostItsBoundOfVotes() {
        List<java.util.UUID> tooMany = java.util.stream.Stream.generate(EventIds::next).limit(VotesVoided.MAX_VOTES + 1L)
                .toList();
        assertThatThrownBy(() -> VotesVoided.of(EventIds.next(), "p1", "f", "r", tooMany, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 5000");
    }

    @Test
    void aFlagRoundTripsWithItsSubjectAsASlugAndIsKeyedByPollAndSubject() {
        VoteFlagged flag = VoteFlagged.of(EventIds.next(), EventIds.next(), "p1", FlagSubject.PREFIX, "h24",
                0.93, List.of("address-velocity", "headless-user-agent"), AT);
        byte[] bytes = EventCodec.encode(flag);
        assertThat(EventCodec.decodeVoteFlagged(bytes)).isEqualTo(flag);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"subject\":\"prefix\"");
        assertThat(flag.key()).isEqualTo("p1|prefix|h24");
        assertThat(new VoteFlaggedDeserializer().deserialize("votes.flags", "{}".getBytes(StandardCharsets.UTF_8)))
                .isNull();
    }

    @Test
    void unknownSchemaVersionIsRefusedRatherThanGuessed() {
        String future = "{\"schemaVersion\":2,\"eventId\":\"" + EventIds.next() + "\",\"pollId\":\"p\",\"voterId\":\"v\","
                + "\"optionId\":\"a\",\"submittedAt\":\"2026-11-21T20:00:00Z\"}";
        assertThatThrownBy(() -> EventCodec.decodeVote(future.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventCodecException.class).hasMessageContaining("schemaVersion 2");
    }

    @Test
    void unknownFieldsFromANewerProducerAreIgnored() {
        String withExtra = "{\"schemaVersion\":1,\"eventId\":\"" + EventIds.next() + "\",\"pollId\":\"p\",\"voterId\":\"v\","
                + "\"optionId\":\"a\",\"submittedAt\":\"2026-11-21T20:00:00Z\",\"weight\":3}";
        assertThat(EventCodec.decodeVote(withExtra.getBytes(StandardCharsets.UTF_8)).optionId()).isEqualTo("a");
    }

    @Test
    void missingRequiredFieldOrGarbageIsACodecError() {
        String noVoter = "{\"schemaVersion\":1,\"eventId\":\"" + EventIds.next() + "\",\"pollId\":\"p\","
                + "\"optionId\":\"a\",\"submittedAt\":\"2026-11-21T20:00:00Z\"}";
        assertThatThrownBy(() -> EventCodec.decodeVote(noVoter.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventCodecException.class);
        assertThatThrownBy(() -> EventCodec.decodeVote("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventCodecException.class);
        assertThatThrownBy(() -> EventCodec.decodePollEvent(new byte[0])).isInstanceOf(EventCodecException.class);
    }
}
