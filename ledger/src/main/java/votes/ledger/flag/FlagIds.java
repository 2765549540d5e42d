package votes.ledger.flag;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import votes.events.flag.VoteFlagged;

/**
 * A flag group's id: a name-based UUID of its Kafka key (poll, subject kind, subject). Derived, not drawn, so every
 * ledger that folds the same {@code votes.flags} (a rebuild too) gives the group the same id, and the {@code flagId}
 * of a VotesVoided in the log keeps naming it.
 */
public final class FlagIds {

    private FlagIds() {
    }

    public static String of(VoteFlagged flag) {
        return UUID.nameUUIDFromBytes(flag.key().getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Whether {@code id} could name a group at all: anything else is answered 404 without asking the database. */
    public static boolean wellFormed(String id) {
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
