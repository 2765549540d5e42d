package votes.ingest.poll;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** vote.poll.* in application.properties. */
@ConfigMapping(prefix = "vote.poll")
public interface PollDirectoryConfig {

    /** How long "the ledger does not know this poll" is believed before asking again. */
    Duration unknownTtl();

    /** How many unknown poll ids are remembered at most (they are client-chosen: bound the memory). */
    int unknownMax();
}
