package votes.kit.duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TtlTest {

    @Test
    void ttlReadsHowPeopleTypeIt() {
        assertThat(Ttl.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Ttl.parse("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Ttl.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Ttl.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Ttl.parse("PT2H")).isEqualTo(Duration.ofHours(2));
        assertThat(Ttl.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> Ttl.parse("soon")).isInstanceOf(IllegalArgumentException.class);
    }
}
