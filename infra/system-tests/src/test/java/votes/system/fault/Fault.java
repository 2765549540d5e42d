package votes.system.fault;

import java.time.Duration;
import votes.infra.test.VoteStackExtension;

/**
 * One way to hurt the running stack under load, and how it heals: {@link FaultRun} injects it, waits {@link #hold()},
 * recovers it, and then checks that no vote was lost or counted twice.
 */
interface Fault {

    /** Where a fault strikes: the running stack, and the poll the load votes in. */
    record Scene(VoteStackExtension stack, String pollId) {
    }

    /** The fault table's row name, e.g. "kill -9 ledger". */
    String name();

    /** How long the fault lasts between {@link #inject} and {@link #recover}. */
    Duration hold();

    void inject(Scene scene) throws Exception;

    void recover(Scene scene) throws Exception;

    /** Whether votes may be answered 503 while it lasts (the log gone: yes; one broker of three: no). */
    default boolean mayBeUnavailable() {
        return true;
    }

    /** Whether every request must be answered, 202, 429 or 503, however hard the stack is pressed (overload). */
    default boolean answersEveryRequest() {
        return false;
    }

    /** Checks of its own once the stack settled (a poison record must be in votes.dead-letter, say). */
    default void verify(Scene scene) throws Exception {
    }
}
