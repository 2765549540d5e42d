package votes.ledger.flag;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import votes.events.flag.VoteFlagged;

/**
 * Folds one {@link VoteFlagged} into its group ({@code flags}) in one transaction, idempotently: the vote is noted in
 * {@code flagged_votes} once, and only a newly noted vote counts, raises the score or moves the seen times, so a
 * redelivered flag changes nothing. Plain SQL (upserts), not entity writes: a review may decide the same row at the
 * same time, and these statements touch only the fold's columns, never the status.
 */
@ApplicationScoped
public class FlagFold {

    /**
     * The reasons travel as one JSON array parameter: one bind, whatever their number. Cast to text first: a parameter
     * typed jsonb would take the Java string as one JSON string, not as the array.
     */
    private static final String REASONS =
            "ARRAY(SELECT jsonb_array_elements_text(CAST(CAST(:reasons AS text) AS jsonb)))";

    private static final String OPEN_GROUP = """
            INSERT INTO flags (flag_id, poll_id, subject, subject_key, score, reasons, first_seen, last_seen)
            VALUES (:flagId, :pollId, :subject, :subjectKey, :score, %s, :flaggedAt, :flaggedAt)
            ON CONFLICT (poll_id, subject, subject_key) DO NOTHING""".formatted(REASONS);

    private static final String NOTE_VOTE = """
            INSERT INTO flagged_votes (flag_id, vote_id, flagged_at) VALUES (:flagId, :voteId, :flaggedAt)
            ON CONFLICT DO NOTHING""";

    // SET expressions read the row as it was: the CASE compares with the old score.
    private static final String COUNT_VOTE = """
            UPDATE flags SET vote_count = vote_count + 1,
                reasons = CASE WHEN :score > score THEN %s ELSE reasons END,
                score = GREATEST(score, :score),
                first_seen = LEAST(first_seen, :flaggedAt),
                last_seen = GREATEST(last_seen, :flaggedAt)
            WHERE flag_id = :flagId""".formatted(REASONS);

    /** @return what the flag changed: whether it opened a group, whether it counted a vote */
    public Uni<Folded> fold(VoteFlagged flag) {
        String flagId = FlagIds.of(flag);
        String reasons = new JsonArray(flag.reasons()).encode();
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session ->
                session.createNativeQuery(OPEN_GROUP)
                        .setParameter("flagId", flagId)
                        .setParameter("pollId", flag.pollId())
                        .setParameter("subject", flag.subject().slug())
                        .setParameter("subjectKey", flag.subjectKey())
                        .setParameter("score", flag.score())
                        .setParameter("reasons", reasons)
                        .setParameter("flaggedAt", flag.flaggedAt())
                        .executeUpdate()
                        .flatMap(opened -> noteVote(session, flagId, flag)
                                .flatMap(noted -> noted == 0
                                        ? Uni.createFrom().item(new Folded(opened == 1, false))
                                        : count(session, flagId, flag, reasons)
                                                .replaceWith(new Folded(opened == 1, true))))));
    }

    private static Uni<Integer> noteVote(Mutiny.Session session, String flagId, VoteFlagged flag) {
        return session.createNativeQuery(NOTE_VOTE)
                .setParameter("flagId", flagId)
                .setParameter("voteId", flag.voteId())
                .setParameter("flaggedAt", flag.flaggedAt())
                .executeUpdate();
    }

    private static Uni<Integer> count(Mutiny.Session session, String flagId, VoteFlagged flag, String reasons) {
        return session.createNativeQuery(COUNT_VOTE)
                .setParameter("flagId", flagId)
                .setParameter("score", flag.score())
                .setParameter("reasons", reasons)
                .setParameter("flaggedAt", flag.flaggedAt())
                .executeUpdate();
    }

    /** @param opened the flag started a new group; @param counted it added a vote the group did not hold */
    public record Folded(boolean opened, boolean counted) {
    }
}
