package votes.infra.postgres;

import static votes.infra.postgres.role.DatabaseRole.LEDGER;
import static votes.infra.postgres.role.DatabaseRole.OWNER;
import static votes.infra.postgres.role.DatabaseRole.READER;
import static votes.infra.postgres.role.DatabaseRole.RELAY;

import java.util.ArrayList;
import java.util.List;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.postgres.role.ScramVerifier;
import votes.infra.secret.StackSecrets;

/**
 * The SQL that gives each role its password and privileges; idempotent, run by the superuser at every start (so a
 * changed secret file or an older stack is brought up to it). The relay's per-table grants and the publication it
 * streams belong to the tables and live in the ledger's Flyway migration V7.
 */
public final class PostgresRoles {

    private static final List<DatabaseRole> CLIENTS = List.of(OWNER, LEDGER, RELAY, READER);

    private PostgresRoles() {
    }

    /** Cluster-wide: the roles, their attributes and passwords (sent as SCRAM verifiers, never in plain). */
    public static String clusterSql(StackSecrets secrets) {
        List<String> sql = new ArrayList<>();
        for (DatabaseRole role : CLIENTS) {
            sql.add("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role.user() + "') THEN "
                    + "CREATE ROLE " + role.user() + "; END IF; END $$;");
            sql.add("ALTER ROLE " + role.user() + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS "
                    + (role == RELAY ? "REPLICATION" : "NOREPLICATION") + " PASSWORD '" + verifier(secrets, role) + "';");
        }
        sql.add("ALTER ROLE " + DatabaseRole.SUPERUSER.user() + " PASSWORD '" + verifier(secrets, DatabaseRole.SUPERUSER)
                + "';");
        return String.join("\n", sql);
    }

    /**
     * Run inside {@code database} (the stack's, or a rebuild's): the owner owns it and its schema; the ledger reads
     * and writes rows, the reader reads; default privileges give both the same on every table a later migration (run
     * as the owner) creates. Nobody else may connect or create anything.
     */
    public static String databaseSql(String database) {
        String clients = String.join(", ", LEDGER.user(), RELAY.user(), READER.user());
        String defaults = "ALTER DEFAULT PRIVILEGES FOR ROLE " + OWNER.user() + " IN SCHEMA public ";
        return String.join("\n",
                "ALTER DATABASE " + database + " OWNER TO " + OWNER.user() + ";",
                "REVOKE ALL ON DATABASE " + database + " FROM PUBLIC;",
                "GRANT CONNECT, TEMPORARY ON DATABASE " + database + " TO " + clients + ";",
                "ALTER SCHEMA public OWNER TO " + OWNER.user() + ";",
                "REVOKE CREATE ON SCHEMA public FROM PUBLIC;",
                "GRANT USAGE ON SCHEMA public TO " + clients + ";",
                "GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO " + LEDGER.user() + ";",
                "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + LEDGER.user() + ";",
                "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + READER.user() + ";",
                defaults + "GRANT SELECT, INSERT, UPDATE ON TABLES TO " + LEDGER.user() + ";",
                defaults + "GRANT USAGE, SELECT ON SEQUENCES TO " + LEDGER.user() + ";",
                defaults + "GRANT SELECT ON TABLES TO " + READER.user() + ";",
                // Flyway's bookkeeping is the owner's alone: the ledger at run time has no business rewriting history.
                "DO $$ BEGIN IF to_regclass('public.flyway_schema_history') IS NOT NULL THEN "
                        + "REVOKE INSERT, UPDATE ON flyway_schema_history FROM " + LEDGER.user() + "; END IF; END $$;");
    }

    /** The roles clients log in as, for a step line. */
    static List<String> clientUsers() {
        return CLIENTS.stream().map(DatabaseRole::user).toList();
    }

    private static String verifier(StackSecrets secrets, DatabaseRole role) {
        return ScramVerifier.of(role.login(secrets).password());
    }
}
