package votes.ledger.poll;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;
import votes.events.poll.Poll;
import votes.events.poll.PollOption;
import votes.ledger.sql.Timestamps;

/** The {@code polls} table's row shape, both ways. */
public final class PollRows {

    /** Column list every poll query selects, in the order {@link #toPoll} reads. */
    public static final String COLUMNS = "poll_id, title, options, opens_at, closes_at, closed_at, created_at";

    private PollRows() {
    }

    public static Poll toPoll(Row row) {
        JsonArray json = row.getJsonArray("options");
        List<PollOption> options = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            JsonObject option = json.getJsonObject(i);
            options.add(new PollOption(option.getString("id"), option.getString("label")));
        }
        return new Poll(row.getString("poll_id"), row.getString("title"), options,
                Timestamps.fromSql(row.getOffsetDateTime("opens_at")),
                Timestamps.fromSql(row.getOffsetDateTime("closes_at")),
                Timestamps.fromSql(row.getOffsetDateTime("closed_at")),
                Timestamps.fromSql(row.getOffsetDateTime("created_at")));
    }

    public static JsonArray optionsJson(List<PollOption> options) {
        JsonArray json = new JsonArray();
        options.forEach(option -> json.add(new JsonObject().put("id", option.id()).put("label", option.label())));
        return json;
    }
}
