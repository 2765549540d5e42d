package votes.infra.rebuild;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What one rebuild is asked to do; the constructor refuses a database that could be the ledger's own or a system one.
 *
 * @param database   the database to create and fill; must not exist
 * @param timeout    how long the rebuild may make no progress (and the ledger take to start) before giving up
 * @param keepGroups keep the rebuild's consumer groups (the audit of the rebuilt database needs them)
 * @param stamp      names the rebuild's consumer groups, e.g. 20261130T101500Z
 */
public record RebuildOptions(String database, Duration timeout, boolean keepGroups, String stamp) {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public RebuildOptions {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("--database must be a plain PostgreSQL name (lower-case letters,"
                    + " digits, _; at most 63; not starting with a digit), not '" + database + "'");
        }
        if (database.equals(LedgerRebuild.ORIGINAL_DATABASE) || database.equals("postgres")
                || database.startsWith("template")) {
            throw new IllegalArgumentException("--database " + database + " is not a new database");
        }
    }
}
