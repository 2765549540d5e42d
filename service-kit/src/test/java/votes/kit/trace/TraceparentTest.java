package votes.kit.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TraceparentTest {

    private static final String SAMPLED = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aSampledTraceparentIsCarriedAsItIs() {
        assertThat(Traceparent.sampled(bytes(SAMPLED))).isEqualTo(SAMPLED);
        assertThat(Traceparent.sampled(bytes(SAMPLED.replace("-01", "-03")))).as("other flags beside sampled")
                .isNotNull();
    }

    @Test
    void anUnsampledTraceparentIsNotCarried() {
        assertThat(Traceparent.sampled(bytes(SAMPLED.replace("-01", "-00")))).isNull();
    }

    @Test
    void noneOrAMalformedOneIsNotCarried() {
        assertThat(Traceparent.sampled(null)).isNull();
        assertThat(Traceparent.sampled(bytes(""))).isNull();
        assertThat(Traceparent.sampled(bytes(SAMPLED.toUpperCase()))).as("upper-case hex").isNull();
        assertThat(Traceparent.sampled(bytes("01" + SAMPLED.substring(2)))).as("unknown version").isNull();
        assertThat(Traceparent.sampled(bytes("00-00000000000000000000000000000000-00f067aa0ba902b7-01")))
                .as("all-zero trace id").isNull();
        assertThat(Traceparent.sampled(bytes("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")))
                .as("all-zero parent id").isNull();
        assertThat(Traceparent.sampled(bytes(SAMPLED + "'; DROP TABLE votes"))).as("anything after it").isNull();
    }
}
