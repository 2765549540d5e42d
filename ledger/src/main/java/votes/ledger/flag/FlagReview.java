package votes.ledger.flag;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import votes.events.id.EventIds;
import votes.events.poll.VotesVoided;
import votes.kit.problem.ProblemException;
import votes.kit.problem.ProblemType;
import votes.ledger.poll.PollLog;

/**
 * An admin's decision on a flag group, once. A dismiss only records it. A confirm voids the group's votes by
 * appending VotesVoided to poll-events, and records the decision only after the broker acknowledged every chunk: if
 * an append fails the transaction rolls back, the flag stays open and the admin may retry (re-appending a void
 * changes nothing: the applying side ignores votes voided before).
 *
 * <p>Why the confirm holds the poll row {@code FOR SHARE} across the append: {@code voidedAt} is the database's
 * {@code clock_timestamp()} taken under that lock and must be before the poll's effective close; a close takes the row
 * {@code FOR UPDATE}, so it waits for this transaction and fixes a later {@code closed_at}. The applying side counts a
 * void iff its {@code voidedAt} is before the poll's effective close folded from the whole log, so a confirm racing a
 * close is decided by the clock, as votes are.
 */
// At start, not at the first review: its counters are on /q/metrics at zero before anything happened.
@Startup
@ApplicationScoped
public class FlagReview {

    private static final Logger LOG = Logger.getLogger(FlagReview.class);

    // No row: unknown poll. NULL: the poll's window has ended (closed, or past its deadline). Else: voidedAt.
    private static final String VOIDED_AT = """
            SELECT CASE WHEN t.now < COALESCE(p.closed_at, p.closes_at, 'infinity') THEN t.now END
            FROM polls p, (SELECT clock_timestamp() AS now) t
            WHERE p.poll_id = :pollId FOR SHARE OF p""";

    // Only recorded votes of the poll: a flagged vote the ledger has not recorded yet cannot be voided.
    private static final String RECORDED_VOTES = """
            SELECT f.vote_id FROM flagged_votes f JOIN votes v ON v.event_id = f.vote_id
            WHERE f.flag_id = :flagId AND v.poll_id = :pollId AND v.voided_at IS NULL ORDER BY f.vote_id""";

    private final PollLog log;
    private final MeterRegistry registry;

    FlagReview(PollLog log, MeterRegistry registry) {
        this.log = log;
        this.registry = registry;
        for (FlagStatus decided : List.of(FlagStatus.CONFIRMED, FlagStatus.DISMISSED)) {
            reviewedCounter(decided.slug());
        }
    }

    public Uni<Flag> dismiss(String flagId, String note, String reviewer) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> open(session, flagId)
                .map(flag -> decide(flag, FlagStatus.DISMISSED, note, reviewer, Instant.now(), null))))
                .invoke(this::reviewed);
    }

    /** Fails with a ProblemException (404, 409) or with the append's failure (the caller answers 503). */
    public Uni<Flag> confirm(String flagId, String note, String reviewer) {
        SessionContext context = SessionContext.current();
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> open(session, flagId)
                        .flatMap(flag -> voidedAt(session, flag.pollId)
                                .flatMap(voidedAt -> voidVotes(session, context, flag, note, reviewer, voidedAt)))))
                .invoke(this::reviewed);
    }

    private Uni<Flag> voidVotes(Mutiny.Session session, SessionContext context, Flag flag, String note,
                                String reviewer, Instant voidedAt) {
        return recordedVotes(session, flag).flatMap(voteIds -> append(flag, note, voteIds, voidedAt)
                // The broker answers on its own thread; the session lives on ours.
                .emitOn(context.executor())
                .map(appended -> decide(flag, FlagStatus.CONFIRMED, note, reviewer, voidedAt, voteIds.size())));
    }

    private static Uni<Flag> open(Mutiny.Session session, String flagId) {
        return session.find(Flag.class, flagId, LockModeType.PESSIMISTIC_WRITE).map(flag -> {
            if (flag == null) {
                throw new ProblemException(ProblemType.NOT_FOUND, "no flag " + flagId);
            }
            if (!FlagStatus.OPEN.slug().equals(flag.status)) {
                throw new ProblemException(ProblemType.ALREADY_REVIEWED,
                        "flag " + flagId + " was already reviewed: " + flag.status);
            }
            return flag;
        });
    }

    private static Uni<Instant> voidedAt(Mutiny.Session session, String pollId) {
        return session.createNativeQuery(VOIDED_AT, Instant.class).setParameter("pollId", pollId).getResultList()
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw new ProblemException(ProblemType.POLL_NOT_FOUND, "no poll " + pollId);
                    }
                    if (rows.get(0) == null) {
                        throw new ProblemException(ProblemType.POLL_CLOSED,
                                "poll " + pollId + " is closed: its votes can no longer be voided");
                    }
                    return rows.get(0);
                });
    }

    private static Uni<List<UUID>> recordedVotes(Mutiny.Session session, Flag flag) {
        return session.createNativeQuery(RECORDED_VOTES, UUID.class)
                .setParameter("flagId", flag.flagId)
                .setParameter("pollId", flag.pollId)
                .getResultList();
    }

    private Uni<Void> append(Flag flag, String note, List<UUID> voteIds, Instant voidedAt) {
        String reason = VoidChunks.reason(note, flag.reasons, flag.subject);
        Uni<Void> appended = Uni.createFrom().voidItem();
        for (VotesVoided chunk : VoidChunks.of(flag.pollId, flag.flagId, reason, voteIds, voidedAt, EventIds::next)) {
            appended = appended.flatMap(previous -> log.append(chunk));
        }
        return appended;
    }

    /** Changes the entity; Hibernate writes it when the transaction commits. */
    private static Flag decide(Flag flag, FlagStatus status, String note, String reviewer, Instant at,
                               Integer voided) {
        flag.status = status.slug();
        flag.note = note;
        flag.reviewedBy = reviewer;
        flag.reviewedAt = at;
        flag.voidedVotes = voided;
        return flag;
    }

    private Counter reviewedCounter(String decision) {
        return registry.counter("ledger_flags_reviewed_total", "decision", decision);
    }

    /** Counted and logged once the decision committed. */
    private void reviewed(Flag flag) {
        reviewedCounter(flag.status).increment();
        LOG.infof("flag %s of poll %s (%s %s) %s by %s%s", flag.flagId, flag.pollId, flag.subject, flag.subjectKey,
                flag.status, flag.reviewedBy,
                flag.voidedVotes == null ? "" : ", " + flag.voidedVotes + " votes voided");
    }
}
