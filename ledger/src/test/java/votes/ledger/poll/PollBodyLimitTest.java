package votes.ledger.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class PollBodyLimitTest {

    private final PollBodyLimit limit = new PollBodyLimit(new ObjectMapper(), new MemorySize(BigInteger.valueOf(16384)));

    PollBodyLimitTest() throws Exception {
    }

    @Test
    void onlyADeclaredLengthOverTheLimitIsRefused() {
        assertThat(limit.declaredOver("16384")).isFalse();
        assertThat(limit.declaredOver(" 16385 ")).isTrue();
        assertThat(limit.declaredOver(Long.toString(Long.MAX_VALUE))).isTrue();
    }

    @Test
    void noOrUnreadableLengthIsLeftToVertx() {
        assertThat(limit.declaredOver(null)).isFalse();
        assertThat(limit.declaredOver("lots")).isFalse();
        assertThat(limit.declaredOver("99999999999999999999999")).isFalse();
    }
}
