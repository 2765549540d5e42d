package votes.audit.check;

import static votes.audit.check.Check.count;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import votes.events.poll.Poll;
import votes.events.poll.PollOption;

/** Item 6: the ledger's {@code polls} table holds the polls folded from poll-events, no more, no fewer. */
public final class PollsAsFolded implements AuditCheck {

    public static final int NUMBER = 6;
    public static final String TITLE = "the ledger's polls are the polls folded from poll-events";

    @Override
    public Check verdict(Evidence evidence) {
        Tracker t = new Tracker(NUMBER, TITLE);
        Map<String, Poll> folded = evidence.replay().polls();
        Map<String, Poll> ledgerPolls = evidence.ledger().polls();
        Map<String, Poll> pollsAfter = evidence.pollsAfter();
        Set<String> ids = new TreeSet<>();
        folded.keySet().stream().filter(evidence.scope()::audited).forEach(ids::add);
        ledgerPolls.keySet().stream().filter(evidence.scope()::audited).forEach(ids::add);
        for (String id : ids) {
            Poll log = folded.get(id);
            Poll ledger = ledgerPolls.get(id);
            Poll after = pollsAfter == null ? null : pollsAfter.get(id);
            boolean changedSince = ledger != null && after != null && !after.equals(log)
                    && differences(after, ledger).isEmpty();
            if (changedSince) {
                // Created or closed after the replay read poll-events; the ledger has poll-events' later state.
                evidence.note("poll " + id + " was " + (log == null ? "created" : "changed (closed)")
                        + " in poll-events while the audit ran: the ledger matches poll-events' later state");
                t.pass();
            } else if (log == null) {
                t.fail("poll " + id + " is in the ledger but poll-events has no PollCreated for it");
            } else if (ledger == null) {
                t.fail("poll " + id + " is in poll-events but not in the ledger's polls table");
            } else {
                t.compare("poll " + id, differences(log, ledger));
            }
        }
        return t.result(count(ids.size()) + " polls");
    }

    private static String differences(Poll log, Poll ledger) {
        List<String> diffs = new ArrayList<>();
        List<String> logOptions = log.options().stream().map(PollOption::id).toList();
        List<String> ledgerOptions = ledger.options().stream().map(PollOption::id).toList();
        if (!logOptions.equals(ledgerOptions)) {
            diffs.add("options expected " + logOptions + ", found " + ledgerOptions);
        }
        compare(diffs, "opens_at", log.opensAt(), ledger.opensAt());
        compare(diffs, "closes_at", log.closesAt(), ledger.closesAt());
        compare(diffs, "closed_at", log.closedAt(), ledger.closedAt());
        return String.join("; ", diffs);
    }

    private static void compare(List<String> diffs, String column, Instant log, Instant ledger) {
        Instant a = log == null ? null : log.truncatedTo(ChronoUnit.MICROS);
        Instant b = ledger == null ? null : ledger.truncatedTo(ChronoUnit.MICROS);
        if (!Objects.equals(a, b)) {
            diffs.add(column + " expected " + a + ", found " + b);
        }
    }
}
