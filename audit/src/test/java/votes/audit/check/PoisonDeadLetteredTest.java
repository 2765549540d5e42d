package votes.audit.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import votes.audit.deadletter.PublishedLetters;
import votes.audit.replay.ExpectedLetter;
import votes.events.deadletter.DeadLetter;
import votes.events.deadletter.DeadLetterReason;
import org.junit.jupiter.api.Test;

class PoisonDeadLetteredTest {

    private static final byte[] GARBAGE = "<html>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NUL = "{\"voterId\":\"a\\u0000b\"}".getBytes(StandardCharsets.UTF_8);
    private static final Map<Integer, Long> ENDS = Map.of(0, 100L, 1, 100L);

    private final List<ExpectedLetter> expected = List.of(
            new ExpectedLetter(0, 7, DeadLetterReason.UNDECODABLE, GARBAGE),
            new ExpectedLetter(1, 9, DeadLetterReason.MALFORMED, NUL));

    @Test
    void everyPoisonRecordLetteredOnceOrTwiceHolds() {
        PublishedLetters published = new PublishedLetters();
        published.accept(letter(0, 7, DeadLetterReason.UNDECODABLE, GARBAGE));
        published.accept(letter(1, 9, DeadLetterReason.MALFORMED, NUL));
        published.accept(letter(1, 9, DeadLetterReason.MALFORMED, NUL)); // again, after a crash

        Check check = PoisonDeadLettered.check(expected, published, ENDS);

        assertThat(check.status()).isEqualTo(Status.PASS);
        assertThat(check.summary()).contains("2 poison records, 2 letters (1 appended twice)");
    }

    @Test
    void aPoisonRecordWithoutItsLetterIsNamed() {
        PublishedLetters published = new PublishedLetters();
        published.accept(letter(0, 7, DeadLetterReason.UNDECODABLE, GARBAGE));

        Check check = PoisonDeadLettered.check(expected, published, ENDS);

        assertThat(check.status()).isEqualTo(Status.FAIL);
        assertThat(check.firstOffender()).isEqualTo("votes.submitted 1@9 (malformed): not in votes.dead-letter");
    }

    @Test
    void aLetterWithOtherBytesOrAnotherReasonIsNamed() {
        PublishedLetters published = new PublishedLetters();
        published.accept(letter(0, 7, DeadLetterReason.UNDECODABLE, "<HTML>".getBytes(StandardCharsets.UTF_8)));
        published.accept(letter(1, 9, DeadLetterReason.UNDECODABLE, NUL));

        Check check = PoisonDeadLettered.check(expected, published, ENDS);

        assertThat(check.failures()).isEqualTo(2);
        assertThat(check.firstOffender()).contains("0@7").contains("not the record's bytes");
    }

    @Test
    void aLetterForAStorableVoteIsNamedButOnePastTheEndsIsLeftToTheNextAudit() {
        PublishedLetters published = new PublishedLetters();
        published.accept(letter(0, 7, DeadLetterReason.UNDECODABLE, GARBAGE));
        published.accept(letter(1, 9, DeadLetterReason.MALFORMED, NUL));
        published.accept(letter(0, 3, DeadLetterReason.REFUSED_BY_DATABASE, GARBAGE));
        published.accept(letter(0, 150, DeadLetterReason.UNDECODABLE, GARBAGE));

        Check check = PoisonDeadLettered.check(expected, published, ENDS);

        assertThat(check.failures()).isEqualTo(1);
        assertThat(check.firstOffender()).contains("0@3 (refused-by-database), which the replay judges a storable vote");
    }

    @Test
    void noTopicIsFineOnlyWithoutPoison() {
        assertThat(PoisonDeadLettered.check(List.of(), null, ENDS).status()).isEqualTo(Status.SKIP);
        assertThat(PoisonDeadLettered.check(expected, null, ENDS).status()).isEqualTo(Status.FAIL);
    }

    /** A record of votes.dead-letter as the ledger appends it for the source record partition@offset. */
    static ConsumerRecord<byte[], byte[]> letter(int partition, long offset, DeadLetterReason reason, byte[] value) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("votes.dead-letter", 0, 0L, null, value);
        new DeadLetter("votes.submitted", partition, offset, reason, "test", UUID.randomUUID()).headers()
                .forEach((name, bytes) -> record.headers().add(name, bytes));
        return record;
    }
}
