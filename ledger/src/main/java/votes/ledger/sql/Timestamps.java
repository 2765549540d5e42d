package votes.ledger.sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants to and from the reactive PostgreSQL client, which speaks {@link OffsetDateTime} for timestamptz. */
public final class Timestamps {

    private Timestamps() {
    }

    public static OffsetDateTime toSql(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant fromSql(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
