package votes.audit.deadletter;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import votes.events.deadletter.DeadLetter;
import votes.events.topic.Topics;

/**
 * The letters of {@code votes.dead-letter} that come from {@code votes.submitted}, by source position
 * ("partition@offset"). The ledger appends a letter at least once (again after a crash before its offsets were
 * committed), so a repeat of the same source is no finding; a record that carries no letter headers is counted.
 */
public final class PublishedLetters {

    /** A letter and the value it carries. */
    public record Published(DeadLetter letter, byte[] value) {
    }

    private final Map<String, Published> bySource = new HashMap<>();
    private long repeats;
    private long foreign;

    public void accept(ConsumerRecord<byte[], byte[]> record) {
        DeadLetter letter;
        try {
            letter = DeadLetter.fromHeaders(name -> {
                Header header = record.headers().lastHeader(name);
                return header == null ? null : header.value();
            });
        } catch (IllegalArgumentException e) {
            foreign++;
            return;
        }
        if (!Topics.VOTES_SUBMITTED.equals(letter.sourceTopic())) {
            return;
        }
        if (bySource.putIfAbsent(letter.partition() + "@" + letter.offset(), new Published(letter, record.value())) != null) {
            repeats++;
        }
    }

    public Map<String, Published> bySource() {
        return bySource;
    }

    /** Letters appended more than once (a ledger crash between the letter and its offset commit). */
    public long repeats() {
        return repeats;
    }

    /** Records without dead-letter headers: nothing the ledger writes. */
    public long foreign() {
        return foreign;
    }
}
