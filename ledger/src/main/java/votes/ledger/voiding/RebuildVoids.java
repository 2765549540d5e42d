package votes.ledger.voiding;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import votes.events.vote.VoteSubmitted;
import votes.proofs.merkle.VoidLeaf;

/**
 * A rebuild ({@code ledger.rebuild}) applies all of poll-events before it judges any vote (poll.PollsFolded), so
 * each void is applied before the votes it names exist and, by {@link VoidWriter} alone, would void nothing. Here
 * the EFFECT of every counted void is re-applied to the votes a batch records, in that batch's transaction: the
 * votes marked as the first counted void naming them says, one negative tally delta per (poll, option) and that
 * void's {@code vote_voids.voided_votes} raised. No leaf and no {@code vote_voids} row: {@link VoidWriter} wrote
 * them when it applied the void. A committed vote offset therefore means its votes' voids are applied too, which is
 * what {@code ./vote ledger rebuild} waits for. Outside a rebuild nothing is kept and nothing happens.
 *
 * <p>Locks: the batch holds its vote logs; the {@code vote_voids} rows it updates are taken by nothing else but
 * other such batches, after their own vote logs, so no cycle of waits can form.
 */
@ApplicationScoped
public class RebuildVoids {

    private static final String COUNT_VOIDED = """
            UPDATE vote_voids SET voided_votes = voided_votes + n.voided
            FROM unnest($1::uuid[], $2::int[]) AS n(event_id, voided)
            WHERE vote_voids.event_id = n.event_id""";

    private final boolean rebuild;
    private final FirstVoids first = new FirstVoids();

    RebuildVoids(@ConfigProperty(name = "ledger.rebuild") boolean rebuild) {
        this.rebuild = rebuild;
    }

    /** Whether {@link #recorded} may write: only in a rebuild. */
    public boolean rebuilding() {
        return rebuild;
    }

    /** {@link VoidWriter} applied (or found applied) this counted void at this place in poll-events. */
    void counted(VoidLeaf voided) {
        if (rebuild) {
            first.add(voided);
        }
    }

    /** Inside the batch's transaction, after its votes are inserted: voids those a counted void names. */
    public Uni<Void> recorded(SqlConnection connection, List<VoteSubmitted> recorded) {
        if (!rebuild || first.isEmpty() || recorded.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return VoidedVotes.mark(connection, first.naming(recorded))
                .flatMap(voided -> voided.votesByVoid().isEmpty() ? Uni.createFrom().voidItem()
                        : connection.preparedQuery(COUNT_VOIDED).execute(Tuple.tuple()
                                .addArrayOfUUID(voided.votesByVoid().keySet().toArray(UUID[]::new))
                                .addArrayOfInteger(voided.votesByVoid().values().toArray(Integer[]::new)))
                        .replaceWithVoid());
    }
}
