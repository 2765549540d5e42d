package votes.infra.postgres.role;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A PostgreSQL user and its password; the password never appears in {@link #toString()}. */
public record DatabaseLogin(String user, String password) {

    /** libpq's URL form, as psql and {@code ./vote env PGURL} take it. */
    public String url(String hostAndPort, String database) {
        return "postgresql://" + URLEncoder.encode(user, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "@" + hostAndPort + "/" + database;
    }

    @Override
    public String toString() {
        return "DatabaseLogin[user=" + user + ", password=****]";
    }
}
