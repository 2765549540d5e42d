package votes.audit.check;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import votes.audit.deadletter.PublishedLetters;
import votes.audit.replay.ExpectedLetter;

/**
 * Item 13: poison never vanishes. It reads no ledger row: its evidence is the replay's poison and the topic's letters.
 * Every record of the log the replay calls poison is in {@code votes.dead-letter}
 * with the replay's reason and the log's very bytes, and every letter there (below the replay's end offsets) is such
 * a record: a letter the replay does not expect is either a vote the ledger dropped or a forged letter.
 */
public final class PoisonDeadLettered implements AuditCheck {

    public static final String TITLE = "every poison record is in votes.dead-letter, with its reason and its bytes";
    public static final int NUMBER = 13;

    @Override
    public Check verdict(Evidence evidence) {
        return check(evidence.replay().letters(), evidence.deadLetters(), evidence.replay().endOffsets());
    }

    /**
     * @param published the letters read from the topic, or null when the topic does not exist
     * @param endOffsets the replay's end offsets of votes.submitted: letters past them are a live system's
     */
    public static Check check(List<ExpectedLetter> expected, PublishedLetters published, Map<Integer, Long> endOffsets) {
        if (published == null) {
            return expected.isEmpty()
                    ? Check.skip(NUMBER, TITLE, "no poison in the log and no votes.dead-letter topic")
                    : new Check(NUMBER, TITLE, Status.FAIL, expected.size(), expected.size(), expected.size()
                            + " poison records", "votes.submitted " + expected.get(0).source()
                            + ": poison, but there is no votes.dead-letter topic");
        }
        Tracker t = new Tracker(NUMBER, TITLE);
        Set<String> seen = new HashSet<>();
        for (ExpectedLetter letter : expected) {
            seen.add(letter.source());
            PublishedLetters.Published found = published.bySource().get(letter.source());
            String where = "votes.submitted " + letter.source() + " (" + letter.reason().slug() + ")";
            if (found == null) {
                t.fail(where + ": not in votes.dead-letter");
            } else if (found.letter().reason() != letter.reason()) {
                t.fail(where + ": dead-lettered as " + found.letter().reason().slug());
            } else if (!Arrays.equals(found.value(), letter.value() == null ? new byte[0] : letter.value())) {
                t.fail(where + ": the letter's value is not the record's bytes");
            } else {
                t.pass();
            }
        }
        long unexpected = 0;
        for (Map.Entry<String, PublishedLetters.Published> entry : published.bySource().entrySet()) {
            var letter = entry.getValue().letter();
            if (seen.contains(entry.getKey()) || letter.offset() >= endOffsets.getOrDefault(letter.partition(), 0L)) {
                continue;
            }
            unexpected++;
            t.fail("votes.dead-letter holds " + letter.source() + " (" + letter.reason().slug()
                    + "), which the replay judges a storable vote");
        }
        return t.result(expected.size() + " poison records, " + published.bySource().size() + " letters"
                + (published.repeats() > 0 ? " (" + published.repeats() + " appended twice)" : "")
                + (unexpected > 0 ? ", " + unexpected + " unexpected" : ""));
    }
}
