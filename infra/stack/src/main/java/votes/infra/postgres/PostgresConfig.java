package votes.infra.postgres;

import java.nio.file.Path;

/** The settings we add to initdb's defaults, and the access rules: loopback only, passwords hashed with SCRAM. */
public record PostgresConfig(int port, Path socketDir) {

    public static final String ROLE = "votes";
    public static final String PASSWORD = "votes";
    public static final String DATABASE = "votes";

    /** Included from postgresql.conf and rewritten at every start, so a changed port takes effect. */
    public String conf() {
        return String.join("\n",
                "# Written by votes-infra at every start.",
                "listen_addresses = '127.0.0.1'",
                "port = " + port,
                "unix_socket_directories = '" + socketDir + "'",
                // Debezium (CDC relay) reads the ledger's WAL through a logical replication slot.
                "wal_level = logical",
                "max_replication_slots = 10",
                "max_wal_senders = 10",
                // Durability is the point of the ledger: keep fsync and synchronous_commit at their safe defaults.
                "fsync = on",
                "password_encryption = 'scram-sha-256'",
                "max_connections = 200",
                "shared_buffers = 128MB",
                "") ;
    }

    /** Local socket is trusted (it lives inside the stack's own folder); TCP needs the password. */
    public static String hba() {
        return String.join("\n",
                "# Written by votes-infra.",
                "local   all             all                                     trust",
                "local   replication     all                                     trust",
                "host    all             all             127.0.0.1/32            scram-sha-256",
                "host    replication     all             127.0.0.1/32            scram-sha-256",
                "");
    }

    /** Idempotent bootstrap: the role (with REPLICATION for CDC) and its database. */
    public static String roleSql() {
        return "DO $$ BEGIN "
                + "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + ROLE + "') THEN "
                + "CREATE ROLE " + ROLE + " LOGIN REPLICATION PASSWORD '" + PASSWORD + "'; "
                + "END IF; END $$;";
    }
}
