package votes.ledger.flag;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One reviewable group of flagged votes: a row of {@code flags} (Flyway V8 owns the table). The fold of
 * {@code votes.flags} writes it with SQL ({@link FlagFold}: an idempotent upsert); the review reads and decides it
 * through this entity.
 */
@Entity
@Table(name = "flags")
public class Flag extends PanacheEntityBase {

    @Id
    @Column(name = "flag_id")
    public String flagId;

    @Column(name = "poll_id")
    public String pollId;

    public String subject;

    @Column(name = "subject_key")
    public String subjectKey;

    public double score;

    public String[] reasons;

    @Column(name = "vote_count")
    public int voteCount;

    @Column(name = "first_seen")
    public Instant firstSeen;

    @Column(name = "last_seen")
    public Instant lastSeen;

    public String status;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    public String note;

    @Column(name = "voided_votes")
    public Integer voidedVotes;
}
