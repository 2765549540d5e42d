package votes.ledger.sql;

import io.vertx.pgclient.PgException;
import org.hibernate.JDBCException;

/**
 * Which database failures are the data's fault and which the moment's. Permanent: SQLSTATE class 22 (data
 * exception: a NUL in text, a value out of range) and 54 (program limit exceeded: an index row too large) — the same
 * statement with the same data fails every time, so retrying it would stall its partition for ever. Everything else
 * is transient and retried: connections (08), serialization failures and deadlocks (40), resources (53), an
 * operator's intervention (57), and also errors that are ours or the operator's, not the record's (42: a missing
 * table or privilege) — those must not turn every vote into a dead letter; readiness shows the stall instead.
 */
public final class SqlStates {

    private static final String UNIQUE_VIOLATION = "23505";

    private SqlStates() {
    }

    public static boolean permanent(Throwable failure) {
        String state = sqlState(failure);
        return state != null && (state.startsWith("22") || state.startsWith("54"));
    }

    /** A unique constraint refused a row (SQLSTATE 23505). */
    public static boolean uniqueViolation(Throwable failure) {
        return UNIQUE_VIOLATION.equals(sqlState(failure));
    }

    /** The SQLSTATE of the first PostgreSQL error in the cause chain, or null. */
    public static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg) {
                return pg.getSqlState();
            }
            // Hibernate Reactive (the flags) reports the database's refusal as a JDBCException carrying the state.
            if (t instanceof JDBCException jdbc && jdbc.getSQLState() != null) {
                return jdbc.getSQLState();
            }
        }
        return null;
    }

    /** "SQLSTATE 22021: invalid byte sequence …", for a dead letter's detail. */
    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg) {
                return "SQLSTATE " + pg.getSqlState() + ": " + pg.getErrorMessage();
            }
        }
        return String.valueOf(failure);
    }
}
