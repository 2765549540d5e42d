package votes.events.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import votes.events.codec.EventCodec;
import votes.events.codec.TallyDeserializer;
import votes.events.codec.TallySerializer;
import votes.events.sample.FrozenSample;

class TallyTest {

    private static final Tally TALLY = new Tally("p1", "Fruit",
            List.of(new TallyOption("a", "Apples", 2), new TallyOption("b", null, 0)), 2, 7,
            Instant.parse("2026-03-01T10:00:00.123456Z"), true);

    @Test
    void tallyIsWrittenExactlyAsTheFrozenSampleOfVoteTallies() {
        assertThat(new String(EventCodec.encode(TALLY), StandardCharsets.UTF_8))
                .isEqualTo(FrozenSample.read("tally/tally.json"));
    }

    @Test
    void frozenSampleReadsBackAsTheSameTally() {
        assertThat(EventCodec.decodeTally(FrozenSample.bytes("tally/tally.json"))).isEqualTo(TALLY);
    }

    @Test
    void tallySurvivesARoundTripThroughTheKafkaAdapters() {
        byte[] bytes = new TallySerializer().serialize("vote-tallies", TALLY);
        assertThat(new TallyDeserializer().deserialize("vote-tallies", bytes)).isEqualTo(TALLY);
        assertThat(new TallyDeserializer().deserialize("vote-tallies", null)).isNull();
    }

    @Test
    void aTallyWithoutOptionsOrUnknownFieldsStillReads() {
        Tally read = EventCodec.decodeTally("{\"pollId\":\"p1\",\"totalVotes\":0,\"version\":1,\"weight\":3}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(read.options()).isEmpty();
        assertThat(read.version()).isEqualTo(1);
    }

    @Test
    void newerMeansALargerVersionAndContentIgnoresVersionAndAsOf() {
        Tally next = new Tally("p1", "Fruit", TALLY.options(), 2, 8, TALLY.asOf().plusSeconds(1), true);
        assertThat(next.isNewerThan(TALLY)).isTrue();
        assertThat(TALLY.isNewerThan(next)).isFalse();
        assertThat(next.sameContent(TALLY)).isTrue();
        assertThat(TALLY.votesFor("a")).isEqualTo(2);
        assertThat(TALLY.votesFor("zz")).isZero();
    }
}
