package votes.events.poll;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.UUID;

/**
 * A fact about a poll on {@code poll-events}; folding them in log order yields a {@link Poll} ({@link VotesVoided}
 * changes the poll's votes, not the poll).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PollCreated.class, name = "PollCreated"),
        @JsonSubTypes.Type(value = PollClosed.class, name = "PollClosed"),
        @JsonSubTypes.Type(value = VotesVoided.class, name = "VotesVoided")
})
public sealed interface PollEvent permits PollCreated, PollClosed, VotesVoided {
    int SCHEMA_VERSION = 1;

    int schemaVersion();

    UUID eventId();

    String pollId();
}
