package votes.infra.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefusalLogTest {

    private static final long SECOND = 1_000_000_000L;

    private final RefusalLog log = new RefusalLog(Duration.ofSeconds(10));

    @Test
    void theFirstRefusalIsToldAtOnce() {
        assertThat(log.refused(Admission.CLIENT_OVER_CAP, "127.0.0.9", 0))
                .hasValueSatisfying(line -> assertThat(line).contains("127.0.0.9", "client-over-cap"));
    }

    @Test
    void laterRefusalsAreSummedUpOncePerInterval() {
        log.refused(Admission.CLIENT_OVER_CAP, "127.0.0.9", 0);
        for (int i = 1; i <= 1000; i++) {
            assertThat(log.refused(Admission.CLIENT_OVER_CAP, "127.0.0.9", i * 1_000_000L)).isEmpty();
        }
        log.refused(Admission.GATEWAY_FULL, "127.0.0.7", 2 * SECOND);
        assertThat(log.flush(9 * SECOND)).isEmpty();
        assertThat(log.flush(10 * SECOND)).hasValueSatisfying(line ->
                assertThat(line).contains("1001 more", "1000 client-over-cap", "1 gateway-full", "127.0.0.9"));
        assertThat(log.flush(11 * SECOND)).isEmpty();
    }

    @Test
    void aRefusalAfterAQuietIntervalIsToldAtOnceAgain() {
        log.refused(Admission.CLIENT_OVER_CAP, "127.0.0.9", 0);
        assertThat(log.flush(10 * SECOND)).isEmpty(); // nothing more happened: the window closes quietly
        assertThat(log.refused(Admission.CLIENT_OVER_CAP, "127.0.0.8", 30 * SECOND)).isPresent();
    }

    @Test
    void aRefusalPastTheIntervalBringsTheSumWithIt() {
        log.refused(Admission.CLIENT_OVER_CAP, "127.0.0.9", 0);
        log.refused(Admission.CLIENT_OVER_CAP, "127.0.0.9", SECOND);
        assertThat(log.refused(Admission.CLIENT_OVER_CAP, "127.0.0.9", 12 * SECOND))
                .hasValueSatisfying(line -> assertThat(line).contains("2 more"));
    }
}
