package votes.perf.baseline;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import picocli.CommandLine.Option;

/** The contract's PostgreSQL settings as CLI options (defaults = the contract's local defaults). */
public final class PgOptions {

    @Option(names = "--pg-host", defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--pg-port", defaultValue = "5433")
    int port;

    @Option(names = "--pg-database", defaultValue = "votes")
    String database;

    /** The stack's roles have generated passwords (infra/README.md "PostgreSQL roles"): the scripts export them. */
    @Option(names = "--pg-user", defaultValue = "${env:PG_USER:-votes}")
    String user;

    @Option(names = "--pg-password", defaultValue = "${env:PG_PASSWORD:-votes}")
    String password;

    /** A reactive pool: the same client the ledger's quarkus-reactive-pg-client wraps. */
    public Pool pool(Vertx vertx, int size) {
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new IllegalArgumentException("only a local PostgreSQL (127.0.0.1)");
        }
        PgConnectOptions connect = new PgConnectOptions().setHost(host).setPort(port).setDatabase(database)
                .setUser(user).setPassword(password).setCachePreparedStatements(true);
        return PgPool.pool(vertx, connect, new PoolOptions().setMaxSize(size));
    }
}
