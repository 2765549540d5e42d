package votes.infra.postgres.role;

import votes.infra.secret.StackSecrets;

/**
 * The stack's PostgreSQL roles, one per kind of client, each with the least it needs (infra/README.md, "PostgreSQL
 * roles"). Passwords are generated per stack ({@link StackSecrets}); every connection, the local socket included,
 * authenticates with SCRAM-SHA-256.
 */
public enum DatabaseRole {

    /** initdb's superuser: the stack's own bootstrap, the PITR drill and the rebuild's psql over the socket. */
    SUPERUSER("postgres"),
    /**
     * Owns the database, the schema and every table: Flyway runs as it. Named as the single role every table was
     * created by before issue 10, so an older stack's tables keep their owner.
     */
    OWNER("votes"),
    /** The ledger at run time: reads and writes rows, no DDL. */
    LEDGER("votes_ledger"),
    /** The CDC relay: REPLICATION, reads the tables it streams, upserts its heartbeat row. */
    RELAY("votes_relay"),
    /** The audit and operators who look: SELECT only. */
    READER("votes_reader");

    private final String user;

    DatabaseRole(String user) {
        this.user = user;
    }

    public String user() {
        return user;
    }

    /** The name of its password's file under the stack's secrets folder. */
    public String secretName() {
        return "pg-" + user.replace('_', '-');
    }

    public DatabaseLogin login(StackSecrets secrets) {
        return new DatabaseLogin(user, secrets.get(secretName()));
    }
}
