package votes.events.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void idsAreVersion7WithTheIetfVariantAndCarryTheirMillisecond() {
        UUID id = EventIds.at(1_700_000_000_123L);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(EventIds.unixMillis(id)).isEqualTo(1_700_000_000_123L);
    }

    @Test
    void idsFromLaterMillisecondsSortLater() {
        assertThat(EventIds.at(1000).toString()).isLessThan(EventIds.at(1001).toString());
    }

    @Test
    void aHundredThousandIdsAreDistinct() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(EventIds.next());
        }
        assertThat(ids).hasSize(100_000);
    }
}
